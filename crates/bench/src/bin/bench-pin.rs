//! `bench-pin CPU PROGRAM [ARGS...]`: runs PROGRAM restricted to CPU number CPU, like
//! `taskset -c`, so the benchmark needs no util-linux on a fresh machine.
//!
//! If pinning fails (one core, a container's cpuset), PROGRAM still runs, unpinned, and a line on
//! stderr says so; the orchestrator reports it.

use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [cpu, program, rest @ ..] = args.as_slice() else {
        eprintln!("usage: bench-pin CPU PROGRAM [ARGS...]");
        return ExitCode::from(2);
    };
    let Ok(cpu) = cpu.parse::<usize>() else {
        eprintln!("bench-pin: CPU must be a number, got {cpu:?}");
        return ExitCode::from(2);
    };
    if let Err(err) = ingot_bench::sys::pin_to_cpu(cpu) {
        eprintln!("bench-pin: not pinned to cpu {cpu}: {err}");
    }
    // `exec` only returns on failure; the affinity mask carries over into the new program.
    let err = Command::new(program).args(rest).exec();
    eprintln!("bench-pin: cannot run {program}: {err}");
    ExitCode::FAILURE
}
