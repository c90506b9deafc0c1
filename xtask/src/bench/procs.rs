//! Running the benchmark's processes: commands are recorded (the report lists them exactly),
//! servers are started pinned to a core and waited for, and stopped when dropped.

use std::cell::RefCell;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Runs commands from the workspace root and remembers each distinct one.
#[derive(Debug)]
pub struct Runner {
    pub root: PathBuf,
    pub cargo: String,
    /// Where the release builds of the bench programs are.
    pub release: PathBuf,
    /// The client's and the load generator's core, and the server's; `None` when not pinned.
    pub cores: Option<(usize, usize)>,
    commands: RefCell<Vec<String>>,
}

impl Runner {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            cargo: std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()),
            release: root.join("target").join("release"),
            cores: None,
            commands: RefCell::new(Vec::new()),
        }
    }

    /// A cargo command in `dir`.
    pub fn cargo(&self, dir: &Path) -> Command {
        let mut command = Command::new(&self.cargo);
        command.current_dir(dir);
        command
    }

    /// `program` (a bench binary name or a path) with its arguments, on core `cpu` when pinning.
    pub fn pinned(&self, cpu: impl Fn((usize, usize)) -> usize, program: &Path) -> Command {
        match self.cores {
            Some(cores) => {
                let mut command = Command::new(self.release.join("bench-pin"));
                command.arg(cpu(cores).to_string()).arg(program);
                command
            }
            None => Command::new(program),
        }
    }

    /// Runs `command` to completion with inherited output; fails naming it unless it succeeds.
    pub fn status(&self, mut command: Command) -> Result<Duration, String> {
        let line = self.record(&command);
        let started = Instant::now();
        let status = command
            .status()
            .map_err(|e| format!("cannot run {line}: {e}"))?;
        let elapsed = started.elapsed();
        if status.success() {
            Ok(elapsed)
        } else {
            Err(format!("FAILED ({status}): {line}"))
        }
    }

    /// Runs `command` and returns its stdout (stderr passes through).
    pub fn stdout(&self, mut command: Command) -> Result<String, String> {
        let line = self.record(&command);
        let output = command
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run {line}: {e}"))?;
        if !output.status.success() {
            return Err(format!("FAILED ({}): {line}", output.status));
        }
        String::from_utf8(output.stdout).map_err(|_| format!("{line}: output is not UTF-8"))
    }

    /// The distinct commands run so far, in order, with ports and round numbers generalized.
    pub fn commands(&self) -> Vec<String> {
        self.commands.borrow().clone()
    }

    fn record(&self, command: &Command) -> String {
        let line = self.display(command);
        let general = generalize(&line);
        let mut commands = self.commands.borrow_mut();
        if !commands.contains(&general) {
            commands.push(general);
        }
        line
    }

    /// The command as a shell line, paths shown relative to the workspace root.
    fn display(&self, command: &Command) -> String {
        let root = format!("{}/", self.root.display());
        let mut parts = Vec::new();
        if let Some(dir) = command.get_current_dir() {
            if dir != self.root {
                parts.push(format!("(cd {} &&", dir.display()));
            }
        }
        for (key, value) in command.get_envs() {
            if let Some(value) = value {
                parts.push(format!(
                    "{}={}",
                    key.to_string_lossy(),
                    value.to_string_lossy()
                ));
            }
        }
        let program = command.get_program().to_string_lossy().into_owned();
        // `$CARGO` is a toolchain path; the reader runs plain `cargo`.
        parts.push(if program == self.cargo {
            "cargo".to_owned()
        } else {
            program
        });
        parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
        let mut line = parts.join(" ").replace(&root, "");
        if command.get_current_dir().is_some_and(|d| d != self.root) {
            line.push(')');
        }
        line
    }
}

/// Replaces what differs between repetitions of one command: loopback ports and round numbers.
fn generalize(line: &str) -> String {
    let mut out = Vec::new();
    let mut after_round = false;
    for word in line.split(' ') {
        if after_round {
            out.push("R".to_owned());
            after_round = false;
            continue;
        }
        after_round = word == "--round";
        match word.find("127.0.0.1:") {
            Some(at) => {
                let (head, tail) = word.split_at(at + "127.0.0.1:".len());
                let rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
                out.push(format!("{head}PORT{rest}"));
            }
            None => out.push(word.to_owned()),
        }
    }
    out.join(" ")
}

/// A server process; killed when dropped.
#[derive(Debug)]
pub struct Server {
    child: Child,
    /// The address from its `listening on ADDR` line.
    pub addr: String,
}

impl Server {
    /// Starts `command` (output to /dev/null after the ready line) and waits for its
    /// `listening on ADDR` line.
    pub fn start(runner: &Runner, mut command: Command) -> Result<Self, String> {
        let line = runner.record(&command);
        let mut child = command
            .stdout(Stdio::piped())
            // The service logs every request here: it still formats and writes each line.
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {line}: {e}"))?;
        let stdout = child.stdout.take();
        let mut server = Self {
            child,
            addr: String::new(),
        };
        let mut reader = BufReader::new(stdout.ok_or("no stdout pipe")?);
        let mut ready = String::new();
        reader
            .read_line(&mut ready)
            .map_err(|e| format!("{line}: {e}"))?;
        server.addr = ready
            .trim()
            .strip_prefix("listening on ")
            .ok_or_else(|| format!("{line} did not start (printed {ready:?})"))?
            .to_owned();
        Ok(server)
    }

    /// The process's peak resident set (VmHWM) in MiB, from /proc; `None` where there is none.
    pub fn peak_rss_mib(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kib: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kib / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Already gone is fine; a server that outlives the benchmark is not.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generalizes_ports_and_rounds() {
        assert_eq!(
            generalize("bench-load --addr 127.0.0.1:40123 --round 3 --connections 16"),
            "bench-load --addr 127.0.0.1:PORT --round R --connections 16"
        );
        assert_eq!(
            generalize("bench-client --endpoint http://127.0.0.1:8/"),
            "bench-client --endpoint http://127.0.0.1:PORT/"
        );
    }
}
