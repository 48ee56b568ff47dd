//! The colours the window and the reports share: score badges and source
//! tints, each with the text drawn on it. One definition, so the HTML
//! report looks like the window; and every pair is held to WCAG 2.1 AA's
//! 4.5:1 contrast for text (a test here, and `cargo run --example
//! contrast` prints the table).

/// A colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.1's relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// WCAG 2.1's contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text on light backgrounds.
pub const DARK_TEXT: Rgb = Rgb(0x1b, 0x1b, 0x1b);
/// Text on dark backgrounds.
pub const LIGHT_TEXT: Rgb = Rgb(0xff, 0xff, 0xff);

/// A score badge's background: grey for 0, amber for 1, orange for 2–3,
/// red for 4 and more.
pub fn score_background(score: u32) -> Rgb {
    match score {
        0 => Rgb(150, 150, 150),
        1 => Rgb(214, 160, 20),
        2..=3 => Rgb(226, 110, 30),
        _ => Rgb(200, 40, 40),
    }
}

/// The digits on a badge: dark or light, whichever stands out more from
/// its background (white on amber was 2.4:1).
pub fn score_text(score: u32) -> Rgb {
    let bg = score_background(score);
    if contrast(DARK_TEXT, bg) >= contrast(LIGHT_TEXT, bg) {
        DARK_TEXT
    } else {
        LIGHT_TEXT
    }
}

/// The scores whose badges differ: one of each colour.
pub const SCORE_STEPS: [u32; 4] = [0, 1, 2, 4];

/// Source tints behind the article's text in the light theme and the
/// report: named, anonymous, unattributed.
pub const NAMED_TINT: Rgb = Rgb(205, 235, 212);
pub const ANONYMOUS_TINT: Rgb = Rgb(255, 221, 160);
pub const UNATTRIBUTED_TINT: Rgb = Rgb(226, 208, 245);
/// The line through retracted sources, in the light theme and the report.
pub const RETRACTED_LINE: Rgb = Rgb(170, 0, 0);

/// Every text and background pair the palette defines, named, for the
/// check.
pub fn pairs() -> Vec<(String, Rgb, Rgb)> {
    let mut out: Vec<(String, Rgb, Rgb)> = SCORE_STEPS
        .iter()
        .map(|&s| {
            (
                format!("badge, score {s}"),
                score_text(s),
                score_background(s),
            )
        })
        .collect();
    for (name, tint) in [
        ("named", NAMED_TINT),
        ("anonymous", ANONYMOUS_TINT),
        ("unattributed", UNATTRIBUTED_TINT),
    ] {
        out.push((format!("text on the {name} tint"), DARK_TEXT, tint));
        out.push((
            format!("retracted line on the {name} tint"),
            RETRACTED_LINE,
            tint,
        ));
    }
    out
}

/// The report's badge and tint classes, from the same colours.
pub fn report_css() -> String {
    let mut css = String::new();
    for s in 0..=4u32 {
        css.push_str(&format!(
            ".s{s}{{background:{};color:{}}}",
            score_background(s).hex(),
            score_text(s).hex()
        ));
    }
    css.push_str(&format!(
        "\n.named{{background:{}}}.anonymous{{background:{}}}.unattributed{{background:{}}}\n.retracted{{text-decoration:line-through;text-decoration-color:{};text-decoration-thickness:2px}}\n",
        NAMED_TINT.hex(),
        ANONYMOUS_TINT.hex(),
        UNATTRIBUTED_TINT.hex(),
        RETRACTED_LINE.hex()
    ));
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcags() {
        // Black on white is 21:1, a colour on itself 1:1; WCAG's own
        // example: #777 on white is just under 4.5.
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(9, 99, 199), Rgb(9, 99, 199)) - 1.0).abs() < 1e-9);
        let grey = contrast(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255));
        assert!(grey > 4.47 && grey < 4.5, "{grey}");
    }

    #[test]
    fn every_pair_meets_wcag_aa() {
        for (name, text, background) in pairs() {
            let c = contrast(text, background);
            assert!(
                c >= 4.5,
                "{name}: {} on {} is {c:.2}:1",
                text.hex(),
                background.hex()
            );
        }
    }

    #[test]
    fn the_report_uses_the_windows_colours() {
        let css = report_css();
        for s in 0..=4 {
            assert!(css.contains(&format!(".s{s}{{background:{}", score_background(s).hex())));
        }
        assert!(css.contains(&ANONYMOUS_TINT.hex()));
    }
}
