//! The command line: `cognito-idp-local --listen ADDR --seed FILE [--credentials AKID:SECRET]...
//! [--max-rps N]` and the server's limits, timeouts and shutdown grace period.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use ingot_server_rt::ServeConfig;

/// A local Amazon Cognito user pools service answering StopUserImportJob from an in-memory store.
#[derive(Debug, Clone, Parser)]
#[command(name = "cognito-idp-local", version, about)]
pub struct Args {
    /// Address to listen on, e.g. 127.0.0.1:9229 (port 0 picks a free port; the chosen address
    /// is printed once the server is ready).
    #[arg(long, value_name = "ADDR")]
    pub listen: String,
    /// JSON seed file: {"UserPools": [...], "UserImportJobs": [...], "Faults": [...]}.
    #[arg(long, value_name = "FILE")]
    pub seed: PathBuf,
    /// Accept SigV4 signatures by this key (repeatable); without any, requests are not
    /// authenticated.
    #[arg(long = "credentials", value_name = "AKID:SECRET", value_parser = parse_credentials)]
    pub credentials: Vec<(String, String)>,
    /// Answer TooManyRequestsException above this many calls per second (token bucket, burst N).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_rps: Option<u32>,
    /// Seconds a request line and headers may take to arrive; slower clients are disconnected.
    #[arg(long, value_name = "SECS", value_parser = positive_secs,
          default_value_t = Secs(ServeConfig::default().header_read_timeout))]
    pub header_read_timeout: Secs,
    /// Seconds a request body may take to arrive once the headers are in; a stalled body is
    /// answered 408 RequestTimeoutException and the connection closed.
    #[arg(long, value_name = "SECS", value_parser = positive_secs,
          default_value_t = Secs(ServeConfig::default().body_read_timeout))]
    pub body_read_timeout: Secs,
    /// Seconds an idle keep-alive connection is kept open.
    #[arg(long, value_name = "SECS", value_parser = positive_secs,
          default_value_t = Secs(ServeConfig::default().idle_timeout))]
    pub idle_timeout: Secs,
    /// Largest request line plus headers in bytes; larger requests get 431 and are disconnected.
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u32).range(1..),
          default_value_t = ServeConfig::default().max_header_bytes as u32)]
    pub max_header_bytes: u32,
    /// Connections served at once; further clients wait in the listen backlog until one closes.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          default_value_t = ServeConfig::default().max_connections as u32)]
    pub max_connections: u32,
    /// Seconds in-flight requests get to finish after SIGTERM or Ctrl-C; then every connection
    /// still open is closed and the process exits.
    #[arg(long, value_name = "SECS", value_parser = secs,
          default_value_t = Secs(ServeConfig::default().shutdown_grace))]
    pub shutdown_grace: Secs,
}

impl Args {
    /// The server settings these arguments ask for.
    pub fn serve_config(&self) -> ServeConfig {
        ServeConfig::default()
            .header_read_timeout(self.header_read_timeout.0)
            .body_read_timeout(self.body_read_timeout.0)
            .idle_timeout(self.idle_timeout.0)
            .max_header_bytes(self.max_header_bytes as usize)
            .max_connections(self.max_connections as usize)
            .shutdown_grace(self.shutdown_grace.0)
    }
}

/// A duration given on the command line in seconds (fractions allowed, e.g. `0.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Secs(pub Duration);

impl fmt::Display for Secs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

/// Seconds, zero included.
fn secs(text: &str) -> Result<Secs, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a number of seconds, e.g. 10 or 0.5, not {text:?}"))?;
    Duration::try_from_secs_f64(value)
        .map(Secs)
        .map_err(|_| format!("{text:?} is not a usable number of seconds"))
}

/// Seconds, more than zero.
fn positive_secs(text: &str) -> Result<Secs, String> {
    match secs(text)? {
        Secs(d) if d.is_zero() => Err("must be more than 0 seconds".to_owned()),
        ok => Ok(ok),
    }
}

/// `AKID:SECRET`, split at the first colon: key ids never contain one, secrets might.
fn parse_credentials(text: &str) -> Result<(String, String), String> {
    match text.split_once(':') {
        Some((akid, secret)) if !akid.is_empty() && !secret.is_empty() => {
            Ok((akid.to_owned(), secret.to_owned()))
        }
        _ => Err("expected AKID:SECRET with both parts non-empty".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_command_line() {
        let args = Args::try_parse_from([
            "cognito-idp-local",
            "--listen",
            "127.0.0.1:0",
            "--seed",
            "seed.json",
            "--credentials",
            "AKID1:se:cret",
            "--credentials",
            "AKID2:s2",
            "--max-rps",
            "5",
        ])
        .expect("valid");
        assert_eq!(args.listen, "127.0.0.1:0");
        assert_eq!(args.seed, PathBuf::from("seed.json"));
        assert_eq!(
            args.credentials,
            [
                ("AKID1".to_owned(), "se:cret".to_owned()),
                ("AKID2".to_owned(), "s2".to_owned())
            ]
        );
        assert_eq!(args.max_rps, Some(5));
        assert_eq!(args.serve_config(), ServeConfig::default());
    }

    #[test]
    fn server_limits_become_the_serve_config() {
        let args = Args::try_parse_from([
            "cognito-idp-local",
            "--listen",
            "x",
            "--seed",
            "s",
            "--header-read-timeout",
            "2",
            "--body-read-timeout",
            "0.5",
            "--idle-timeout",
            "7",
            "--max-header-bytes",
            "9000",
            "--max-connections",
            "3",
            "--shutdown-grace",
            "0",
        ])
        .expect("valid");
        let expected = ServeConfig::default()
            .header_read_timeout(Duration::from_secs(2))
            .body_read_timeout(Duration::from_millis(500))
            .idle_timeout(Duration::from_secs(7))
            .max_header_bytes(9000)
            .max_connections(3)
            .shutdown_grace(Duration::ZERO);
        assert_eq!(args.serve_config(), expected);
    }

    #[test]
    fn bad_values_are_refused() {
        let base = ["cognito-idp-local", "--listen", "x", "--seed", "s"];
        for extra in [
            &["--credentials", "nocolon"][..],
            &["--credentials", ":secret"],
            &["--max-rps", "0"],
            &["--max-rps", "many"],
            &["--body-read-timeout", "0"],
            &["--idle-timeout", "-1"],
            &["--header-read-timeout", "NaN"],
            &["--shutdown-grace", "1e300"],
            &["--shutdown-grace", "soon"],
            &["--max-connections", "0"],
            &["--max-header-bytes", "0"],
        ] {
            let argv = base.iter().chain(extra.iter());
            assert!(Args::try_parse_from(argv).is_err(), "{extra:?}");
        }
        assert!(Args::try_parse_from(["cognito-idp-local", "--listen", "x"]).is_err());
    }
}
