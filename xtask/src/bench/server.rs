//! The server figure: `cognito-idp-local` (the real service: seed store, logging, optionally
//! SigV4 verification) and the raw canned hyper server, each started fresh per round on the
//! server core and loaded by `bench-load` on the other core at 16 and 64 connections.
//!
//! StopUserImportJob changes state: the seeded job stops on the first call and every later call
//! is answered `PreconditionNotMetException`. So each server gets one probe first, and the
//! measured steady state is that answer; the raw server is given exactly those bytes, and the
//! probe checks that every server answers them.

use std::fs;
use std::path::Path;
use std::process::Command;

use super::procs::{Runner, Server};
use super::samples::Sample;
use super::Plan;

/// The seed: one pool, one pending job (the one every request names).
const SEED: &str = r#"{"UserPools": ["us-west-2_EXAMPLE"],
 "UserImportJobs": [{"JobId": "import-mAgUtd8PMm", "UserPoolId": "us-west-2_EXAMPLE", "Status": "Pending"}]}"#;

/// Subjects in report order.
const SUBJECTS: [&str; 3] = ["cognito-idp-local", "cognito-idp-local-sigv4", "raw"];
/// `ingot_bench::AKID:SECRET`, the key `bench-load --sign` signs with.
const BENCH_KEY: &str = "AKIDBENCH:bench-secret";
pub const CONNECTIONS: [u64; 2] = [16, 64];

pub fn run(runner: &Runner, plan: &Plan, work: &Path) -> Result<Vec<Sample>, String> {
    fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let seed = work.join("seed.json");
    fs::write(&seed, SEED).map_err(|e| format!("{}: {e}", seed.display()))?;
    // What the service answers in its steady state, for the raw server to repeat.
    let expected = work.join("steady-answer");
    {
        let local = Server::start(runner, local(runner, &seed, false))?;
        probe(runner, &local, false, &expected)?;
    }
    let answer = fs::read_to_string(&expected).map_err(|e| format!("{e}"))?;
    let (status, body) = answer
        .split_once('\n')
        .ok_or("the probe wrote no status line")?;
    let body_file = work.join("steady-body");
    fs::write(&body_file, body).map_err(|e| format!("{}: {e}", body_file.display()))?;
    println!("server figure: steady-state answer is status {status}: {body}");

    let mut samples = Vec::new();
    for round in 0..plan.rounds {
        for i in 0..SUBJECTS.len() {
            // Rotate the order per round so drift hits every server alike.
            let subject = SUBJECTS[(i + round as usize) % SUBJECTS.len()];
            let sign = subject.ends_with("-sigv4");
            let command = match subject {
                "raw" => {
                    let mut c = runner.pinned(
                        |(_, server)| server,
                        &runner.release.join("bench-canned-server"),
                    );
                    c.arg("--status")
                        .arg(status)
                        .arg("--body-file")
                        .arg(&body_file);
                    c
                }
                _ => local(runner, &seed, sign),
            };
            let server = Server::start(runner, command)?;
            let got = work.join(format!("answer-{subject}"));
            probe(runner, &server, sign, &got)?;
            if fs::read(&got).ok() != fs::read(&expected).ok() {
                return Err(format!(
                    "{subject} answers differently from cognito-idp-local; see {}",
                    got.display()
                ));
            }
            for connections in CONNECTIONS {
                let mut load =
                    runner.pinned(|(client, _)| client, &runner.release.join("bench-load"));
                load.arg("--addr")
                    .arg(&server.addr)
                    .arg("--connections")
                    .arg(connections.to_string())
                    .arg("--duration-ms")
                    .arg(plan.server_ms.to_string())
                    .arg("--warm-up-ms")
                    .arg((plan.server_ms / 5).min(500).to_string())
                    .arg("--expect-status")
                    .arg(status)
                    .arg("--subject")
                    .arg(subject)
                    .arg("--round")
                    .arg(round.to_string());
                if sign {
                    load.arg("--sign");
                }
                samples.extend(Sample::parse_all(&runner.stdout(load)?)?);
            }
            if let Some(rss) = server.peak_rss_mib() {
                samples.push(Sample::new(
                    "server-rss",
                    subject,
                    0,
                    round,
                    &[("peak_rss_mib", rss)],
                ));
            }
        }
    }
    Ok(samples)
}

/// `cognito-idp-local` on a free port with the seed, verifying SigV4 with the bench key if
/// `sign`.
fn local(runner: &Runner, seed: &Path, sign: bool) -> Command {
    let mut command = runner.pinned(
        |(_, server)| server,
        &runner.release.join("cognito-idp-local"),
    );
    command
        .arg("--listen")
        .arg("127.0.0.1:0")
        .arg("--seed")
        .arg(seed);
    if sign {
        command.arg("--credentials").arg(BENCH_KEY);
    }
    command
}

/// Two requests; the second answer goes to `out`.
fn probe(runner: &Runner, server: &Server, sign: bool, out: &Path) -> Result<(), String> {
    let mut command = Command::new(runner.release.join("bench-load"));
    command
        .arg("--addr")
        .arg(&server.addr)
        .arg("--probe")
        .arg(out);
    if sign {
        command.arg("--sign");
    }
    runner.stdout(command).map(drop)
}
