//! icon.png: format, size, background and brand colour (catalog §10.1, §2 FILE-04).

use std::io::Cursor;

use super::{Context, Profiles, Rule, Severity};
use crate::model::FileKind;
use crate::rules::properties::parse_hex_color;

pub const RULES: &[&Rule] = &[
    &ICON_NOT_VALID_PNG,
    &ICON_SIZE_NOT_VALID,
    &ICON_FILE_TOO_LARGE,
    &ICON_NOT_OPAQUE,
    &ICON_BACKGROUND_WHITE,
    &ICON_BRAND_COLOR_MISMATCH,
    &ICON_NOT_ALLOWED,
    &ICON_MISSING,
];

const CS: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission";

/// Icons must be smaller than this many bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Allowed square sizes (pixels) and the recommended one.
pub const MIN_SIDE: u32 = 100;
pub const MAX_SIDE: u32 = 230;
pub const RECOMMENDED_SIDE: u32 = 230;
/// Largest per-channel difference still counted as "the same colour".
pub const COLOR_TOLERANCE: u8 = 16;
/// Largest image connkit decodes (pixels per side); bigger ones are only measured.
const DECODE_MAX_SIDE: u32 = 4096;

/// What connkit learns from the icon, once per connector.
#[derive(Debug, Clone)]
pub struct IconFacts {
    pub width: u32,
    pub height: u32,
    /// Pixels with some transparency (None when not decoded).
    pub transparent: Option<u64>,
    /// Colour of the four corners (top-left, top-right, bottom-left, bottom-right).
    pub corners: Option<[[u8; 4]; 4]>,
}

/// Read a PNG: dimensions always, pixels when the image is of a reasonable size.
pub fn analyse(bytes: &[u8]) -> Result<IconFacts, String> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err("the file is not a PNG image (wrong signature)".into());
    }
    let mut dec = png::Decoder::new(Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec
        .read_info()
        .map_err(|e| format!("the PNG cannot be read: {e}"))?;
    let (width, height) = (reader.info().width, reader.info().height);
    let mut facts = IconFacts {
        width,
        height,
        transparent: None,
        corners: None,
    };
    if width == 0 || height == 0 || width > DECODE_MAX_SIDE || height > DECODE_MAX_SIDE {
        return Ok(facts);
    }
    let Some(size) = reader.output_buffer_size() else {
        return Ok(facts);
    };
    let mut buf = vec![0; size];
    let out = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("the PNG cannot be decoded: {e}"))?;
    let channels = match out.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Ok(facts),
    };
    let stride = out.line_size;
    let pixel = |x: u32, y: u32| -> [u8; 4] {
        let i = y as usize * stride + x as usize * channels;
        let p = buf.get(i..i + channels).unwrap_or(&[]);
        match *p {
            [g] => [g, g, g, 255],
            [g, a] => [g, g, g, a],
            [r, g, b] => [r, g, b, 255],
            [r, g, b, a] => [r, g, b, a],
            _ => [0, 0, 0, 0],
        }
    };
    let mut transparent = 0u64;
    if channels == 2 || channels == 4 {
        for y in 0..height {
            for x in 0..width {
                if pixel(x, y)[3] < 255 {
                    transparent += 1;
                }
            }
        }
    }
    let (r, b) = (width - 1, height - 1);
    facts.transparent = Some(transparent);
    facts.corners = Some([pixel(0, 0), pixel(r, 0), pixel(0, b), pixel(r, b)]);
    Ok(facts)
}

fn facts(cx: &Context<'_>) -> Option<std::sync::Arc<Result<IconFacts, String>>> {
    let icon = cx.connector.icon.as_ref()?;
    if !icon.issues.is_empty() {
        return None;
    }
    struct Key(Result<IconFacts, String>);
    let k = cx.shared(|| Key(analyse(&icon.bytes)));
    Some(std::sync::Arc::new(k.0.clone()))
}

/// The background colour: the colour most corners share.
fn background(f: &IconFacts) -> Option<[u8; 4]> {
    let c = f.corners?;
    c.iter()
        .max_by_key(|a| c.iter().filter(|b| close(a, b)).count())
        .copied()
}

fn close(a: &[u8; 4], b: &[u8; 4]) -> bool {
    (0..3).all(|i| a[i].abs_diff(b[i]) <= COLOR_TOLERANCE)
}

fn hex(c: &[u8; 4]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

pub static ICON_NOT_VALID_PNG: Rule = Rule {
    code: "IconNotValidPng",
    severity: Severity::Error,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Icon,
    summary: "icon.png is not a readable PNG image",
    explanation: "The icon must be a real PNG file (not a JPEG or SVG renamed to `.png`, not a \
truncated download). paconn and the portal refuse other formats.",
    source: CS,
    check: |cx, sink| {
        if let Some(f) = facts(cx)
            && let Err(e) = f.as_ref()
        {
            sink.emit("", e.clone());
        }
    },
};

pub static ICON_SIZE_NOT_VALID: Rule = Rule {
    code: "IconSizeNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png is not square, or not between 100 and 230 pixels",
    explanation: "Certification wants a square icon between 100×100 and 230×230 pixels; \
reviewers ask for exactly 230×230 (a logo of about 160 pixels centred on the brand colour). A \
square icon of another allowed size is reported as info.\n\n\
Evidence: a **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was \
certified with a 471×471 icon (2023). Reviewers may still ask for the documented size.",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        let Ok(f) = f.as_ref() else { return };
        let (w, h) = (f.width, f.height);
        if w != h || !(MIN_SIDE..=MAX_SIDE).contains(&w) {
            sink.emit(
                "",
                format!(
                    "the icon is {w}×{h} pixels; it must be square, between {MIN_SIDE}×{MIN_SIDE} and {MAX_SIDE}×{MAX_SIDE} ({RECOMMENDED_SIDE}×{RECOMMENDED_SIDE} recommended)"
                ),
            );
        } else if w != RECOMMENDED_SIDE {
            sink.emit_with(
                Severity::Info,
                FileKind::Icon,
                "",
                format!("the icon is {w}×{h} pixels; reviewers prefer {RECOMMENDED_SIDE}×{RECOMMENDED_SIDE}"),
            );
        }
    },
};

pub static ICON_FILE_TOO_LARGE: Rule = Rule {
    code: "IconFileTooLarge",
    severity: Severity::Error,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png is 1 MB or larger",
    explanation: "The icon must be smaller than 1 MB. A 230×230 PNG on a flat colour is usually \
a few kilobytes; a large file means metadata, huge dimensions or a photo.",
    source: CS,
    check: |cx, sink| {
        if let Some(icon) = cx.connector.icon.as_ref()
            && icon.bytes.len() >= MAX_BYTES
        {
            sink.emit(
                "",
                format!(
                    "the icon is {} bytes; it must be smaller than 1 MB",
                    icon.bytes.len()
                ),
            );
        }
    },
};

pub static ICON_NOT_OPAQUE: Rule = Rule {
    code: "IconNotOpaque",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png has transparent pixels",
    explanation: "The icon is shown on its own background: transparent areas (rounded corners, \
a logo cut out on transparency) show through in different colours in each product. Fill the \
whole square with the brand colour.\n\n\
Evidence: a **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was \
certified with transparent pixels in its icon (2023).",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        if let Ok(IconFacts {
            transparent: Some(n),
            ..
        }) = f.as_ref()
            && *n > 0
        {
            sink.emit(
                "",
                format!("{n} pixels are (partly) transparent; the icon must be fully opaque"),
            );
        }
    },
};

pub static ICON_BACKGROUND_WHITE: Rule = Rule {
    code: "IconBackgroundWhite",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png has a white background",
    explanation: "A white background disappears on the white designer surfaces; certification \
asks for a coloured background (the brand colour) behind the logo.\n\n\
Evidence: a **warning** for reviewers, who judge the icon by eye; the pipeline never sees \
icon.png, and no refusal quoting this check is known.",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        if let Ok(f) = f.as_ref()
            && let Some(bg) = background(f)
            && bg[3] == 255
            && close(&bg, &[255, 255, 255, 255])
        {
            sink.emit("", format!("the icon's background is white ({})", hex(&bg)));
        }
    },
};

pub static ICON_BRAND_COLOR_MISMATCH: Rule = Rule {
    code: "IconBrandColorMismatch",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "The icon's background colour differs from `iconBrandColor`",
    explanation: "The tile around the icon is painted with `iconBrandColor`, so it must be the \
icon's background colour or a visible frame appears. connkit takes the colour most of the four \
corner pixels share and allows a difference of 16 per channel for compression noise.\n\nFix: set \
`iconBrandColor` in apiProperties.json to the hex value connkit reports, or repaint the icon.\n\n\
Evidence: a **warning** for reviewers, who judge the colours by eye; the pipeline never sees \
icon.png, and 18 certified connectors were merged with a brand colour that cannot be the \
icon's background (white or the default).",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        let Ok(f) = f.as_ref() else { return };
        let Some(brand_text) = cx
            .connector
            .properties_value()
            .and_then(|p| p.get("properties"))
            .and_then(|p| p.get("iconBrandColor"))
            .and_then(serde_json::Value::as_str)
        else {
            return;
        };
        let Some(brand) = parse_hex_color(brand_text.trim()) else {
            return; // IconBrandColorNotValid
        };
        if let Some(bg) = background(f)
            && bg[3] == 255
            && !close(&bg, &[brand[0], brand[1], brand[2], 255])
        {
            sink.emit(
                "",
                format!(
                    "the icon's background is {} but iconBrandColor is {brand_text}",
                    hex(&bg)
                ),
            );
        }
    },
};

pub static ICON_NOT_ALLOWED: Rule = Rule {
    code: "IconNotAllowed",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::INDEPENDENT_PUBLISHER,
    file: FileKind::Icon,
    summary: "An independent-publisher connector ships an icon",
    explanation: "Independent-publisher connectors all get Microsoft's generic icon (on \
`#da3b01`); the pull request must not include an `icon.png`. Remove the file.\n\n\
Evidence: a **warning** for reviewers: an independent publisher's icon is replaced by the \
generic one, so shipping it stops nothing; reviewers may ask to remove it.",
    source: CS,
    check: |cx, sink| {
        if cx.connector.icon.is_some() {
            sink.emit(
                "",
                "independent-publisher connectors must not include an icon",
            );
        }
    },
};

pub static ICON_MISSING: Rule = Rule {
    code: "IconMissing",
    severity: Severity::Info,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "A certified connector folder without icon.png",
    explanation: "Verified publishers submit an icon with the connector (230×230 PNG on the \
brand colour). It is not always committed to the repository — it can be uploaded with the \
submission — so its absence is only reported as info.\n\nCalibration: only 2 of 316 certified \
connectors in the public repository commit their icon; an error or warning would fire on \
almost every one.",
    source: CS,
    check: |cx, sink| {
        let c = cx.connector;
        if c.icon.is_none() && !c.single_file && c.definition.is_some() {
            sink.emit(
                "",
                "no icon.png in this folder: remember to submit a 230×230 icon",
            );
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BinaryFile;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    /// Encode an RGBA image: background colour with a 2×2 logo patch in the middle.
    fn png_bytes(w: u32, h: u32, bg: [u8; 4]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut e = png::Encoder::new(&mut out, w, h);
            e.set_color(png::ColorType::Rgba);
            e.set_depth(png::BitDepth::Eight);
            let mut wr = e.write_header().unwrap();
            let mut data = Vec::new();
            for y in 0..h {
                for x in 0..w {
                    let logo = x.abs_diff(w / 2) < 2 && y.abs_diff(h / 2) < 2;
                    data.extend_from_slice(if logo { &[255, 255, 255, 255] } else { &bg });
                }
            }
            wr.write_image_data(&data).unwrap();
        }
        out
    }

    fn with_icon(bytes: Vec<u8>, brand: &str) -> crate::model::Connector {
        let mut c = connector_from(
            minimal(),
            Some(json!({"properties": {"iconBrandColor": brand}})),
        );
        c.icon = Some(BinaryFile {
            rel_path: "icon.png".into(),
            path: "icon.png".into(),
            bytes,
            issues: vec![],
        });
        c
    }

    const BRAND: [u8; 4] = [0x4b, 0x2e, 0x83, 255];

    #[test]
    fn good_icon_passes() {
        let c = with_icon(png_bytes(230, 230, BRAND), "#4b2e83");
        for r in RULES
            .iter()
            .filter(|r| r.profiles.contains(Profile::Certified))
        {
            assert!(run_on(r, &c, Profile::Certified).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn not_a_png() {
        let c = with_icon(b"GIF89a".to_vec(), "#4b2e83");
        assert_eq!(run_on(&ICON_NOT_VALID_PNG, &c, Profile::Custom).len(), 1);
        assert!(run_on(&ICON_SIZE_NOT_VALID, &c, Profile::Certified).is_empty());
    }

    #[test]
    fn sizes() {
        let c = with_icon(png_bytes(230, 200, BRAND), "#4b2e83");
        assert_eq!(
            run_on(&ICON_SIZE_NOT_VALID, &c, Profile::Certified).len(),
            1
        );
        let c = with_icon(png_bytes(300, 300, BRAND), "#4b2e83");
        assert_eq!(
            run_on(&ICON_SIZE_NOT_VALID, &c, Profile::Certified).len(),
            1
        );
        let c = with_icon(png_bytes(160, 160, BRAND), "#4b2e83");
        let f = run_on(&ICON_SIZE_NOT_VALID, &c, Profile::Certified);
        assert_eq!(f[0].severity, Severity::Info);
        let big = with_icon(vec![0; MAX_BYTES], "#4b2e83");
        assert_eq!(
            run_on(&ICON_FILE_TOO_LARGE, &big, Profile::Certified).len(),
            1
        );
    }

    #[test]
    fn background() {
        let c = with_icon(png_bytes(230, 230, [0, 0, 0, 0]), "#000000");
        assert_eq!(run_on(&ICON_NOT_OPAQUE, &c, Profile::Certified).len(), 1);
        let c = with_icon(png_bytes(230, 230, [255, 255, 255, 255]), "#ffffff");
        assert_eq!(
            run_on(&ICON_BACKGROUND_WHITE, &c, Profile::Certified).len(),
            1
        );
        let c = with_icon(png_bytes(230, 230, BRAND), "#0078d4");
        let f = run_on(&ICON_BRAND_COLOR_MISMATCH, &c, Profile::Certified);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("#4b2e83"));
        // Within the tolerance.
        let c = with_icon(png_bytes(230, 230, BRAND), "#502e80");
        assert!(run_on(&ICON_BRAND_COLOR_MISMATCH, &c, Profile::Certified).is_empty());
    }

    #[test]
    fn presence_per_profile() {
        let c = with_icon(png_bytes(230, 230, BRAND), "#da3b01");
        assert_eq!(
            run_on(&ICON_NOT_ALLOWED, &c, Profile::IndependentPublisher).len(),
            1
        );
        let none = connector_from(minimal(), Some(json!({})));
        assert!(run_on(&ICON_NOT_ALLOWED, &none, Profile::IndependentPublisher).is_empty());
        assert_eq!(run_on(&ICON_MISSING, &none, Profile::Certified).len(), 1);
        assert!(run_on(&ICON_MISSING, &c, Profile::Certified).is_empty());
    }
}
