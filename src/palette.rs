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
    text_on(score_background(score))
}

/// The scores whose badges differ: one of each colour.
pub const SCORE_STEPS: [u32; 4] = [0, 1, 2, 4];

/// The colours of one theme: the panel behind the article, its text,
/// the source tints, the line through retracted sources, and the checklist's
/// verdicts. Tints are opaque, so the contrast of text on them is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub background: Rgb,
    /// The article's text.
    pub text: Rgb,
    /// Labels and headings around it.
    pub ui_text: Rgb,
    /// Explanations and hints (egui's "weak" text): softer than `text`,
    /// still 4.5:1 (egui's default was 2.7:1 dark, 2.9:1 light).
    pub weak_text: Rgb,
    pub named: Rgb,
    pub anonymous: Rgb,
    pub unattributed: Rgb,
    /// Retracted sources: their words and the line through them.
    pub retracted: Rgb,
    /// Words matching the find bar's query.
    pub found: Rgb,
    /// A policy question met / not met; an exercise paragraph all found
    /// (`pass`), partly found, not found (`fail`).
    pub pass: Rgb,
    pub partial: Rgb,
    pub fail: Rgb,
}

/// The light theme, and the HTML report.
pub const LIGHT: Theme = Theme {
    name: "light",
    background: Rgb(248, 248, 248),
    text: DARK_TEXT,
    ui_text: Rgb(70, 70, 70),
    weak_text: Rgb(105, 105, 105),
    named: Rgb(205, 235, 212),
    anonymous: Rgb(255, 221, 160),
    unattributed: Rgb(226, 208, 245),
    retracted: Rgb(170, 0, 0),
    found: Rgb(255, 236, 64),
    pass: Rgb(25, 110, 45),
    partial: Rgb(128, 84, 0),
    fail: Rgb(170, 25, 20),
};

/// The dark theme.
pub const DARK: Theme = Theme {
    name: "dark",
    background: Rgb(27, 27, 27),
    text: Rgb(225, 225, 225),
    ui_text: Rgb(200, 200, 200),
    weak_text: Rgb(160, 160, 160),
    named: Rgb(36, 78, 50),
    anonymous: Rgb(92, 62, 12),
    unattributed: Rgb(72, 48, 98),
    retracted: Rgb(255, 165, 160),
    found: Rgb(15, 80, 105),
    pass: Rgb(115, 205, 125),
    partial: Rgb(235, 190, 80),
    fail: Rgb(255, 130, 120),
};

/// Source tints of the light theme (the report's too).
pub const NAMED_TINT: Rgb = LIGHT.named;
pub const ANONYMOUS_TINT: Rgb = LIGHT.anonymous;
pub const UNATTRIBUTED_TINT: Rgb = LIGHT.unattributed;
/// The line through retracted sources, in the light theme and the report.
pub const RETRACTED_LINE: Rgb = LIGHT.retracted;

/// The HTML report's page, and its text colours (body, claim details,
/// explanations, editor's notes): the light theme's, on white.
pub const REPORT_PAGE: Rgb = Rgb(255, 255, 255);
pub const REPORT_NOTE: Rgb = Rgb(90, 62, 0);

/// The small raised letter after a source, so its kind does not rest on
/// colour alone (WCAG 1.4.1): the window, the report and their legends.
pub fn kind_tag(kind: crate::analysis::SourceKind) -> &'static str {
    use crate::analysis::SourceKind;
    match kind {
        SourceKind::Named => "N",
        SourceKind::Anonymous => "A",
        SourceKind::Unattributed => "U",
    }
}

/// The exercise gutter's verdicts: all found, partly found, not found.
pub const AGREEMENT: [Rgb; 3] = [Rgb(50, 150, 70), Rgb(214, 160, 20), Rgb(200, 50, 40)];

/// The digits drawn on a badge of colour `bg`: dark or light, whichever
/// stands out more.
pub fn text_on(bg: Rgb) -> Rgb {
    if contrast(DARK_TEXT, bg) >= contrast(LIGHT_TEXT, bg) {
        DARK_TEXT
    } else {
        LIGHT_TEXT
    }
}

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
    for (name, bg) in ["all found", "partly found", "not found"]
        .iter()
        .zip(AGREEMENT)
    {
        out.push((format!("exercise badge, {name}"), text_on(bg), bg));
    }
    for (name, text) in [
        ("text", LIGHT.text),
        ("claim details", LIGHT.ui_text),
        ("explanations", LIGHT.weak_text),
        ("editor's notes", REPORT_NOTE),
        ("policy not met", LIGHT.fail),
    ] {
        out.push((format!("report: {name}"), text, REPORT_PAGE));
    }
    for t in [LIGHT, DARK] {
        let theme = t.name;
        out.push((format!("{theme}: article text"), t.text, t.background));
        out.push((format!("{theme}: labels"), t.ui_text, t.background));
        out.push((
            format!("{theme}: explanations, hints"),
            t.weak_text,
            t.background,
        ));
        out.push((format!("{theme}: policy met"), t.pass, t.background));
        out.push((format!("{theme}: policy not met"), t.fail, t.background));
        out.push((
            format!("{theme}: exercise, partly found"),
            t.partial,
            t.background,
        ));
        out.push((format!("{theme}: text found by Find"), t.text, t.found));
        out.push((
            format!("{theme}: retracted found by Find"),
            t.retracted,
            t.found,
        ));
        for (name, tint) in [
            ("named", t.named),
            ("anonymous", t.anonymous),
            ("unattributed", t.unattributed),
        ] {
            out.push((format!("{theme}: text on the {name} tint"), t.text, tint));
            out.push((
                format!("{theme}: retracted on the {name} tint"),
                t.retracted,
                tint,
            ));
        }
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
    let t = LIGHT;
    css.push_str(&format!(
        "\nbody{{color:{};background:{}}}.claims{{color:{}}}.why{{color:{}}}.note{{color:{}}}.fail{{color:{}}}",
        t.text.hex(),
        REPORT_PAGE.hex(),
        t.ui_text.hex(),
        t.weak_text.hex(),
        REPORT_NOTE.hex(),
        t.fail.hex(),
    ));
    css.push_str(&format!(
        "\n.named{{background:{}}}.anonymous{{background:{}}}.unattributed{{background:{}}}\n.retracted{{color:{r};text-decoration:line-through;text-decoration-color:{r};text-decoration-thickness:2px}}\n.tag{{font:bold .62em system-ui,sans-serif;vertical-align:super;padding:0 .2em;margin-left:1px;border-radius:3px;color:{}}}\n",
        t.named.hex(),
        t.anonymous.hex(),
        t.unattributed.hex(),
        t.text.hex(),
        r = t.retracted.hex(),
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
