//! icon.png: format, size, background and brand colour.

use std::io::Cursor;

use super::{Context, Rule};
use crate::model::FileKind;
use crate::rules::properties::parse_hex_color;

pub(crate) const RULES: &[&Rule] = &[
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
pub(crate) const MAX_BYTES: usize = 1024 * 1024;
/// Allowed square sizes (pixels) and the recommended one.
pub(crate) const MIN_SIDE: u32 = 100;
pub(crate) const MAX_SIDE: u32 = 230;
pub(crate) const RECOMMENDED_SIDE: u32 = 230;
/// Largest per-channel difference still counted as "the same colour".
pub(crate) const COLOR_TOLERANCE: u8 = 16;
/// Largest image connkit decodes (pixels per side); bigger ones are only measured.
const DECODE_MAX_SIDE: u32 = 4096;

/// What connkit learns from the icon, once per connector.
#[derive(Debug, Clone)]
pub(crate) struct IconFacts {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Pixels with some transparency (None when not decoded).
    pub(crate) transparent: Option<u64>,
    /// Colour of the four corners (top-left, top-right, bottom-left, bottom-right).
    pub(crate) corners: Option<[[u8; 4]; 4]>,
}

/// Read a PNG: dimensions always, pixels when the image is of a reasonable size.
pub(crate) fn analyse(bytes: &[u8]) -> Result<IconFacts, String> {
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
/// The colour most corners share; none when two different colours tie (a gradient, a
/// split background), so the background rules stay silent rather than guess.
fn background(f: &IconFacts) -> Option<[u8; 4]> {
    let c = f.corners?;
    let counts: Vec<usize> = c
        .iter()
        .map(|a| c.iter().filter(|b| close(a, b)).count())
        .collect();
    let best = *counts.iter().max()?;
    let i = counts.iter().position(|&n| n == best)?;
    let tie = c
        .iter()
        .zip(&counts)
        .any(|(b, &n)| n == best && !close(&c[i], b));
    (!tie).then_some(c[i])
}

fn close(a: &[u8; 4], b: &[u8; 4]) -> bool {
    (0..3).all(|i| a[i].abs_diff(b[i]) <= COLOR_TOLERANCE)
}

fn hex(c: &[u8; 4]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
mod icon_background_white;
mod icon_brand_color_mismatch;
mod icon_file_too_large;
mod icon_missing;
mod icon_not_allowed;
mod icon_not_opaque;
mod icon_not_valid_png;
mod icon_size_not_valid;

pub(crate) use icon_background_white::*;
pub(crate) use icon_brand_color_mismatch::*;
pub(crate) use icon_file_too_large::*;
pub(crate) use icon_missing::*;
pub(crate) use icon_not_allowed::*;
pub(crate) use icon_not_opaque::*;
pub(crate) use icon_not_valid_png::*;
pub(crate) use icon_size_not_valid::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BinaryFile;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn background_is_the_colour_most_corners_share_and_none_on_a_tie() {
        let (w, b) = ([255, 255, 255, 255], [0, 0, 0, 255]);
        let facts = |corners| IconFacts {
            width: 230,
            height: 230,
            transparent: Some(0),
            corners: Some(corners),
        };
        assert_eq!(background(&facts([w, w, w, b])), Some(w));
        assert_eq!(background(&facts([w, b, w, b])), None);
        assert_eq!(background(&facts([w, w, b, b])), None);
    }

    /// Encode an RGBA image: background colour with a 2×2 logo patch in the middle.
    pub(super) fn png_bytes(w: u32, h: u32, bg: [u8; 4]) -> Vec<u8> {
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

    pub(super) fn with_icon(bytes: Vec<u8>, brand: &str) -> crate::model::Connector {
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

    pub(super) const BRAND: [u8; 4] = [0x4b, 0x2e, 0x83, 255];

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
}
