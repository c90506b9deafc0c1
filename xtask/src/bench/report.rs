//! BENCHMARKS.md and its plots from a run's samples: medians with min–max per subject, the
//! ratios of Ingot to each anchor, and the issue's goals checked against the medians.

use std::fmt::Write as _;

use super::machine::Machine;
use super::samples::{Samples, Summary};
use super::svg::{Chart, Series};

/// Everything the report says besides the samples.
#[derive(Debug)]
pub struct Context<'a> {
    pub machine: &'a Machine,
    pub date: String,
    pub quick: bool,
    pub rounds: u32,
    pub compile_rounds: u32,
    pub pinning: String,
    /// `cargo xtask bench` with its arguments.
    pub invocation: String,
    pub commands: Vec<String>,
    pub skipped: Vec<String>,
}

/// One metric table: rows are the figure's x values, columns its subjects, then ratios.
struct Table<'a> {
    figure: &'a str,
    metric: &'a str,
    x_name: &'a str,
    /// `(numerator, denominator)` subjects of each ratio column.
    ratios: &'a [(&'a str, &'a str)],
    decimals: usize,
}

/// The Markdown text and the SVG files (name, text) it links to.
pub fn render(samples: &Samples, ctx: &Context) -> (String, Vec<(String, String)>) {
    let mut md = String::new();
    let mut plots = Vec::new();
    let m = ctx.machine;
    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(
        md,
        "Written by `{}` on {}. Every figure is the median over {} rounds \
         ({} for builds) with the minimum–maximum in parentheses; ratios are of medians.{}\n",
        ctx.invocation,
        ctx.date,
        ctx.rounds,
        ctx.compile_rounds,
        if ctx.quick {
            " **Quick mode: a smoke run of the harness, not figures to quote.**"
        } else {
            ""
        }
    );
    let _ = writeln!(md, "## Machine\n");
    let _ = writeln!(md, "- CPU: {} ({} cores available)", m.cpu, m.cores);
    let _ = writeln!(md, "- Kernel: Linux {}", m.kernel);
    let _ = writeln!(md, "- Compiler: {}", m.rustc);
    let _ = writeln!(md, "- Load average at start: {}", m.load);
    let _ = writeln!(md, "- Pinning: {}\n", ctx.pinning);
    for skipped in &ctx.skipped {
        let _ = writeln!(md, "- Skipped: {skipped}");
    }
    if !ctx.skipped.is_empty() {
        md.push('\n');
    }

    if !samples.xs("client").is_empty() {
        let _ = writeln!(
            md,
            "## Client: StopUserImportJob with SigV4\n\n\
             One client shared by N tasks on a single-threaded runtime, against a raw hyper server \
             answering a canned response in another process. `ingot` is the generated client, \
             `sdk` the official `aws-sdk-cognitoidentityprovider` (static credentials, \
             `endpoint_url`, no aws-config), `raw` a hyper-util client posting pre-built bytes, \
             `raw-sigv4` the same signing each request with `aws-sigv4`. CPU time is the client \
             process's user+system time (getrusage) per call; allocations are counted by a \
             global allocator in the client process.\n"
        );
        let ratios = [("ingot", "sdk"), ("ingot", "raw-sigv4"), ("ingot", "raw")];
        for (metric, title, decimals) in [
            ("calls_per_sec", "Calls per second", 0),
            ("cpu_us_per_call", "CPU µs per call", 1),
            ("allocs_per_call", "Heap allocations per call", 1),
        ] {
            let _ = writeln!(md, "### {title}\n");
            md.push_str(&table(
                samples,
                &Table {
                    figure: "client",
                    metric,
                    x_name: "tasks",
                    ratios: &ratios,
                    decimals,
                },
            ));
        }
        plots.push(plot(
            samples,
            "client",
            "calls_per_sec",
            "Client calls/s by concurrency",
            "concurrent tasks on one client",
            "calls/s",
            "bench-client.svg",
        ));
        let _ = writeln!(
            md,
            "![calls/s against concurrency](benchmarks/bench-client.svg)\n"
        );
    }

    if !samples.xs("server").is_empty() {
        let _ = writeln!(
            md,
            "## Server: StopUserImportJob\n\n\
             `cognito-idp-local` is the real service binary (seed store, per-request logging to \
             a discarded stderr); `-sigv4` verifies every request's signature. `raw` is a hyper \
             server answering the same bytes. N keep-alive connections from a load generator in \
             another process each send one request at a time. The seeded job stops on the first \
             call, so the measured answer is the service's steady state \
             (`PreconditionNotMetException`), and the raw server is given exactly those bytes.\n"
        );
        let ratios = [
            ("cognito-idp-local", "raw"),
            ("cognito-idp-local-sigv4", "raw"),
        ];
        for (metric, title, decimals) in [
            ("requests_per_sec", "Requests per second", 0),
            ("p50_us", "p50 latency, µs", 0),
            ("p99_us", "p99 latency, µs", 0),
        ] {
            let _ = writeln!(md, "### {title}\n");
            md.push_str(&table(
                samples,
                &Table {
                    figure: "server",
                    metric,
                    x_name: "connections",
                    ratios: &ratios,
                    decimals,
                },
            ));
        }
        let _ = writeln!(md, "### Peak RSS (VmHWM) of the server process, MiB\n");
        md.push_str(&table(
            samples,
            &Table {
                figure: "server-rss",
                metric: "peak_rss_mib",
                x_name: "",
                ratios: &[],
                decimals: 1,
            },
        ));
        plots.push(plot(
            samples,
            "server",
            "requests_per_sec",
            "Server requests/s by connections",
            "keep-alive connections",
            "requests/s",
            "bench-server.svg",
        ));
        let _ = writeln!(
            md,
            "![requests/s against connections](benchmarks/bench-server.svg)\n"
        );
    }

    if !samples.xs("gen").is_empty() {
        let _ = writeln!(
            md,
            "## Generation\n\n`xtask gen` (release build) of each model into a fresh folder: \
             types, client and server crates, files written. x is the model's shape count.\n"
        );
        let _ = writeln!(md, "| model | shapes | seconds | ms per 100 shapes |");
        let _ = writeln!(md, "|---|---:|---:|---:|");
        for subject in samples.subjects("gen") {
            for x in samples.xs("gen") {
                if let Some(s) = samples.summary("gen", &subject, x, "seconds") {
                    let _ = writeln!(
                        md,
                        "| {subject} | {x} | {} | {:.1} |",
                        cell(s, 3),
                        s.median * 1e5 / x.max(1) as f64
                    );
                }
            }
        }
        md.push('\n');
    }

    for (figure, title, metrics) in [
        (
            "program",
            "## A program making one call (release, stripped)",
            &[
                ("cold_release_build_s", "cold release build, s", 1),
                ("stripped_mib", "binary, MiB", 2),
            ][..],
        ),
        (
            "crate-build-debug",
            "## Crate build alone, dependencies prebuilt: debug",
            &[("seconds", "seconds", 1)][..],
        ),
        (
            "crate-build-release",
            "## Crate build alone, dependencies prebuilt: release",
            &[("seconds", "seconds", 1)][..],
        ),
        ("lines", "## Lines of Rust", &[("lines", "lines", 0)][..]),
    ] {
        if samples.subjects(figure).is_empty() {
            continue;
        }
        let _ = writeln!(md, "{title}\n");
        for (metric, label, decimals) in metrics {
            let _ = writeln!(md, "{label}:\n");
            md.push_str(&table(
                samples,
                &Table {
                    figure,
                    metric,
                    x_name: "",
                    ratios: &[],
                    decimals: *decimals,
                },
            ));
        }
        if let [first, second] = samples.subjects(figure).as_slice() {
            for (metric, label, _) in metrics {
                if let Some(r) = ratio(samples, figure, 0, metric, first, second) {
                    let _ = writeln!(md, "{first} / {second}, {label}: **{r:.2}×**\n");
                }
            }
        }
    }

    md.push_str(&goals(samples));
    let _ = writeln!(md, "## Commands\n\nRun from the workspace root, in this order (ports and rounds generalized):\n\n```sh");
    for command in &ctx.commands {
        let _ = writeln!(md, "{command}");
    }
    let _ = writeln!(md, "```");
    (md, plots)
}

fn table(samples: &Samples, t: &Table) -> String {
    let subjects = samples.subjects(t.figure);
    let xs = samples.xs(t.figure);
    let mut md = String::new();
    let mut header = vec![t.x_name.to_owned()];
    header.extend(subjects.iter().cloned());
    header.extend(t.ratios.iter().map(|(a, b)| format!("{a} / {b}")));
    let with_x = !t.x_name.is_empty();
    let header = if with_x { &header[..] } else { &header[1..] };
    let _ = writeln!(md, "| {} |", header.join(" | "));
    let _ = writeln!(md, "|{}", "---:|".repeat(header.len()));
    for &x in &xs {
        let mut row = Vec::new();
        if with_x {
            row.push(x.to_string());
        }
        for subject in &subjects {
            row.push(
                samples
                    .summary(t.figure, subject, x, t.metric)
                    .map_or_else(|| "–".to_owned(), |s| cell(s, t.decimals)),
            );
        }
        for (a, b) in t.ratios {
            row.push(
                ratio(samples, t.figure, x, t.metric, a, b)
                    .map_or_else(|| "–".to_owned(), |r| format!("{r:.2}×")),
            );
        }
        let _ = writeln!(md, "| {} |", row.join(" | "));
    }
    md.push('\n');
    md
}

fn cell(s: Summary, decimals: usize) -> String {
    if s.rounds == 1 || s.min == s.max {
        format!("{:.decimals$}", s.median)
    } else {
        format!(
            "{:.decimals$} ({:.decimals$}–{:.decimals$})",
            s.median, s.min, s.max
        )
    }
}

fn ratio(samples: &Samples, figure: &str, x: u64, metric: &str, a: &str, b: &str) -> Option<f64> {
    let a = samples.summary(figure, a, x, metric)?.median;
    let b = samples.summary(figure, b, x, metric)?.median;
    (b != 0.0).then_some(a / b)
}

fn plot(
    samples: &Samples,
    figure: &str,
    metric: &str,
    title: &str,
    x_label: &str,
    y_label: &str,
    file: &str,
) -> (String, String) {
    let xs = samples.xs(figure);
    let series: Vec<Series> = samples
        .subjects(figure)
        .into_iter()
        .map(|subject| Series {
            points: xs
                .iter()
                .map(|&x| samples.summary(figure, &subject, x, metric))
                .collect(),
            name: subject,
        })
        .collect();
    let chart = Chart {
        title,
        x_label,
        y_label,
        xs: &xs,
        series: &series,
    };
    (file.to_owned(), chart.render())
}

/// A goal of issue 12: `a / b` (or `a` alone when `b` is empty) against a bound.
struct Goal {
    what: &'static str,
    figure: &'static str,
    x: u64,
    metric: &'static str,
    a: &'static str,
    b: &'static str,
    at_least: bool,
    bound: f64,
}

const GOALS: &[Goal] = &[
    Goal {
        what: "sequential calls/s, ingot / sdk",
        figure: "client",
        x: 1,
        metric: "calls_per_sec",
        a: "ingot",
        b: "sdk",
        at_least: true,
        bound: 2.0,
    },
    Goal {
        what: "sequential calls/s, ingot / raw-sigv4",
        figure: "client",
        x: 1,
        metric: "calls_per_sec",
        a: "ingot",
        b: "raw-sigv4",
        at_least: true,
        bound: 0.85,
    },
    Goal {
        what: "16 tasks calls/s, ingot / sdk",
        figure: "client",
        x: 16,
        metric: "calls_per_sec",
        a: "ingot",
        b: "sdk",
        at_least: true,
        bound: 3.0,
    },
    Goal {
        what: "sequential CPU per call, ingot / raw-sigv4",
        figure: "client",
        x: 1,
        metric: "cpu_us_per_call",
        a: "ingot",
        b: "raw-sigv4",
        at_least: false,
        bound: 1.3,
    },
    Goal {
        what: "sequential allocations per call, ingot / raw-sigv4",
        figure: "client",
        x: 1,
        metric: "allocs_per_call",
        a: "ingot",
        b: "raw-sigv4",
        at_least: false,
        bound: 1.15,
    },
    Goal {
        what: "one-call program, stripped MiB",
        figure: "program",
        x: 0,
        metric: "stripped_mib",
        a: "ingot",
        b: "",
        at_least: false,
        bound: 4.0,
    },
    Goal {
        what: "one-call program cold release build, ingot / sdk",
        figure: "program",
        x: 0,
        metric: "cold_release_build_s",
        a: "ingot",
        b: "sdk",
        at_least: false,
        bound: 0.4,
    },
    Goal {
        what: "16 connections requests/s, cognito-idp-local / raw",
        figure: "server",
        x: 16,
        metric: "requests_per_sec",
        a: "cognito-idp-local",
        b: "raw",
        at_least: true,
        bound: 0.8,
    },
    Goal {
        what: "64 connections requests/s, cognito-idp-local / raw",
        figure: "server",
        x: 64,
        metric: "requests_per_sec",
        a: "cognito-idp-local",
        b: "raw",
        at_least: true,
        bound: 0.8,
    },
    Goal {
        what: "16 connections requests/s, with SigV4 / raw",
        figure: "server",
        x: 16,
        metric: "requests_per_sec",
        a: "cognito-idp-local-sigv4",
        b: "raw",
        at_least: true,
        bound: 0.5,
    },
    Goal {
        what: "64 connections requests/s, with SigV4 / raw",
        figure: "server",
        x: 64,
        metric: "requests_per_sec",
        a: "cognito-idp-local-sigv4",
        b: "raw",
        at_least: true,
        bound: 0.5,
    },
    Goal {
        what: "server peak RSS, MiB",
        figure: "server-rss",
        x: 0,
        metric: "peak_rss_mib",
        a: "cognito-idp-local",
        b: "",
        at_least: false,
        bound: 32.0,
    },
    Goal {
        what: "generation of full Cognito, s",
        figure: "gen",
        x: 0,
        metric: "seconds",
        a: "full",
        b: "",
        at_least: false,
        bound: 1.0,
    },
    Goal {
        what: "generation of the slice, s",
        figure: "gen",
        x: 0,
        metric: "seconds",
        a: "slice",
        b: "",
        at_least: false,
        bound: 0.05,
    },
    Goal {
        what: "generation of 5× Cognito, s",
        figure: "gen",
        x: 0,
        metric: "seconds",
        a: "full x5",
        b: "",
        at_least: false,
        bound: 5.0,
    },
    Goal {
        what: "debug build, generated types+client / SDK crate",
        figure: "crate-build-debug",
        x: 0,
        metric: "seconds",
        a: "generated types+client",
        b: "aws-sdk-cognitoidentityprovider",
        at_least: false,
        bound: 0.25,
    },
    Goal {
        what: "release build, generated types+client / SDK crate",
        figure: "crate-build-release",
        x: 0,
        metric: "seconds",
        a: "generated types+client",
        b: "aws-sdk-cognitoidentityprovider",
        at_least: false,
        bound: 0.25,
    },
];

fn goals(samples: &Samples) -> String {
    let mut md = String::from(
        "## Goals of issue 12\n\n| goal | bound | measured | met |\n|---|---:|---:|:---:|\n",
    );
    for g in GOALS {
        // The generation figure's x is the shape count; take whichever the subject has.
        let x = if g.figure == "gen" {
            samples
                .0
                .iter()
                .find(|s| s.figure == "gen" && s.subject == g.a)
                .map(|s| s.x)
        } else {
            Some(g.x)
        };
        let value = x.and_then(|x| {
            if g.b.is_empty() {
                samples
                    .summary(g.figure, g.a, x, g.metric)
                    .map(|s| s.median)
            } else {
                ratio(samples, g.figure, x, g.metric, g.a, g.b)
            }
        });
        let bound = format!("{} {}", if g.at_least { "≥" } else { "≤" }, g.bound);
        let (measured, met) = match value {
            Some(v) => {
                let met = if g.at_least {
                    v >= g.bound
                } else {
                    v <= g.bound
                };
                (format!("{v:.3}"), if met { "yes" } else { "**no**" })
            }
            None => ("not measured".to_owned(), "–"),
        };
        let _ = writeln!(md, "| {} | {bound} | {measured} | {met} |", g.what);
    }
    md.push('\n');
    md
}
