//! A small SVG line chart: one line per subject through the medians, a bar from min to max at
//! each point, categorical x (the measured concurrencies or connections, evenly spaced) and a
//! linear y from zero. Hand-written rather than `plotters`: the charts are a few dozen
//! elements, and the output stays deterministic text that diffs well, with no dependency tree
//! (fonts, image codecs) added to the workspace.

use std::fmt::Write as _;

use super::samples::Summary;

/// One line of a chart.
#[derive(Debug)]
pub struct Series {
    pub name: String,
    /// The summary at each x of the chart, `None` where not measured.
    pub points: Vec<Option<Summary>>,
}

/// The chart's text.
#[derive(Debug)]
pub struct Chart<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub xs: &'a [u64],
    pub series: &'a [Series],
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 170.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 60.0;
const COLOURS: [&str; 6] = [
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
];

impl Chart<'_> {
    pub fn render(&self) -> String {
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let top_value = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().flatten())
            .map(|p| p.max)
            .fold(0.0, f64::max);
        let (step, ticks) = nice_ticks(top_value);
        let y_max = step * ticks as f64;
        let x_at = |i: usize| LEFT + plot_w * (i as f64 + 0.5) / self.xs.len().max(1) as f64;
        let y_at = |v: f64| TOP + plot_h * (1.0 - v / y_max);

        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
        );
        let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="22" text-anchor="middle" font-size="15">{}</text>"#,
            LEFT + plot_w / 2.0,
            escape(self.title)
        );
        for t in 0..=ticks {
            let v = step * t as f64;
            let y = y_at(v);
            let _ = writeln!(
                svg,
                r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"##,
                LEFT + plot_w,
                LEFT - 6.0,
                y + 4.0,
                format_value(v)
            );
        }
        for (i, x) in self.xs.iter().enumerate() {
            let _ = writeln!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{x}</text>"#,
                x_at(i),
                TOP + plot_h + 18.0
            );
        }
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            LEFT + plot_w / 2.0,
            HEIGHT - 16.0,
            escape(self.x_label)
        );
        let _ = writeln!(
            svg,
            r#"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle">{}</text>"#,
            TOP + plot_h / 2.0,
            escape(self.y_label)
        );
        for (n, series) in self.series.iter().enumerate() {
            let colour = COLOURS[n % COLOURS.len()];
            let points: Vec<(f64, Summary)> = series
                .points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| (x_at(i), p)))
                .collect();
            let path: Vec<String> = points
                .iter()
                .map(|(x, p)| format!("{x:.1},{:.1}", y_at(p.median)))
                .collect();
            let _ = writeln!(
                svg,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
                path.join(" ")
            );
            for (x, p) in &points {
                let _ = writeln!(
                    svg,
                    r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{colour}"/><circle cx="{x:.1}" cy="{:.1}" r="3.5" fill="{colour}"/>"#,
                    y_at(p.min),
                    y_at(p.max),
                    y_at(p.median)
                );
            }
            let ly = TOP + 10.0 + 20.0 * n as f64;
            let lx = LEFT + plot_w + 16.0;
            let _ = writeln!(
                svg,
                r#"<line x1="{lx}" y1="{ly}" x2="{:.1}" y2="{ly}" stroke="{colour}" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                lx + 18.0,
                lx + 24.0,
                ly + 4.0,
                escape(&series.name)
            );
        }
        let _ = writeln!(
            svg,
            r#"<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="black"/>"#
        );
        svg.push_str("</svg>\n");
        svg
    }
}

/// A round step (1, 2 or 5 times a power of ten) and how many steps reach at least `max`.
fn nice_ticks(max: f64) -> (f64, u32) {
    if max.is_nan() || max <= 0.0 {
        return (1.0, 1);
    }
    let rough = max / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    (step, (max / step).ceil().max(1.0) as u32)
}

fn format_value(v: f64) -> String {
    if v >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if v >= 10.0 || v == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(9_300.0), (2_000.0, 5));
        for max in [0.9, 1.0, 37.0, 123_456.0] {
            let (step, count) = nice_ticks(max);
            assert!(step * f64::from(count) >= max * 0.999_999, "{max}");
            assert!(count <= 10, "{max}: {count} ticks");
        }
        assert_eq!(nice_ticks(0.0), (1.0, 1));
    }

    #[test]
    fn renders_one_polyline_per_series_and_escapes_names() {
        let point = Summary::of(&[1.0, 2.0, 3.0]);
        let series = [
            Series {
                name: "a<b".into(),
                points: vec![point, None],
            },
            Series {
                name: "c".into(),
                points: vec![point, point],
            },
        ];
        let svg = Chart {
            title: "t",
            x_label: "x",
            y_label: "y",
            xs: &[1, 4],
            series: &series,
        }
        .render();
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("a&lt;b"));
        assert!(svg.ends_with("</svg>\n"));
    }
}
