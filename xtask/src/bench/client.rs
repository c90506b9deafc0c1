//! The client figure: `bench-client` (on the client core) against `bench-canned-server` (on the
//! server core), every client at every concurrency, rounds interleaved inside the program.

use super::procs::{Runner, Server};
use super::samples::Sample;
use super::Plan;

pub fn run(runner: &Runner, plan: &Plan) -> Result<Vec<Sample>, String> {
    let server = Server::start(
        runner,
        runner.pinned(
            |(_, server)| server,
            &runner.release.join("bench-canned-server"),
        ),
    )?;
    let mut command = runner.pinned(|(client, _)| client, &runner.release.join("bench-client"));
    command
        .arg("--endpoint")
        .arg(format!("http://{}", server.addr))
        .arg("--rounds")
        .arg(plan.rounds.to_string())
        .arg("--duration-ms")
        .arg(plan.client_ms.to_string())
        .arg("--concurrency")
        .arg("1,4,16,64");
    let stdout = runner.stdout(command)?;
    Sample::parse_all(&stdout)
}
