//! The command line: `cognito-idp-local --listen ADDR --seed FILE [--credentials AKID:SECRET]... [--max-rps N]`.

use std::path::PathBuf;

use clap::Parser;

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
    }

    #[test]
    fn bad_values_are_refused() {
        let base = ["cognito-idp-local", "--listen", "x", "--seed", "s"];
        for extra in [
            &["--credentials", "nocolon"][..],
            &["--credentials", ":secret"],
            &["--max-rps", "0"],
            &["--max-rps", "many"],
        ] {
            let argv = base.iter().chain(extra.iter());
            assert!(Args::try_parse_from(argv).is_err(), "{extra:?}");
        }
        assert!(Args::try_parse_from(["cognito-idp-local", "--listen", "x"]).is_err());
    }
}
