//! `connkit convert`: OpenAPI 3.0/3.1 (or Swagger 2.0) → a connector (Swagger 2.0 with the
//! `x-ms-*` extensions connectors need, plus apiProperties.json), and `connkit init`.
//!
//! Works on `serde_json::Value`, in stages, one module each:
//!
//! 1. `read`: the input text (JSON or YAML) as a value;
//! 2. `normalize`: 3.1 is first normalised to 3.0 (type arrays → `nullable`, `const` →
//!    `enum`, numeric exclusive bounds, schema `examples`); 3.0 input is also read with
//!    `openapiv3` to report where it departs from the specification;
//! 3. `map`: every part of the 3.0 document is mapped to Swagger 2.0;
//! 4. `sanitize`: what the connector schema refuses is removed (also from 2.0 input);
//! 5. `enrich`: what every connector needs is added (ids, summaries, contact, metadata,
//!    apiProperties.json);
//! 6. `derive`: texts certification needs are derived (descriptions from summaries or
//!    names) and the placeholders left for the author are listed;
//! 7. `write`: the files as bytes, in the `fmt` layout.
//!
//! What cannot be mapped is reported as a [`Note`] with our own PascalCase code; every code
//! is listed in `notes::NOTES`.

pub(crate) mod derive;
pub(crate) mod enrich;
pub mod init;
mod map;
pub(crate) mod normalize;
pub(crate) mod notes;
pub(crate) mod read;
pub(crate) mod sanitize;
pub(crate) mod write;

use serde_json::Value;

pub(crate) use enrich::clean_title;
pub use notes::{NOTES_PER_CODE, Note};
pub(crate) use read::parse_input;

use crate::core::{Profile, Severity};
use notes::*;

#[derive(Debug, Clone)]
pub struct Options {
    pub profile: Profile,
    pub title: Option<String>,
    pub host: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            profile: Profile::Custom,
            title: None,
            host: None,
        }
    }
}

#[derive(Debug)]
pub struct Output {
    pub definition: Value,
    pub properties: Value,
    pub notes: Vec<Note>,
}

/// Why a document could not be converted at all (what can be converted with losses is a
/// [`Note`] instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("the document is not an object")]
    NotAnObject,
    #[error("unsupported OpenAPI version '{0}' (3.0 and 3.1 are supported)")]
    UnsupportedVersion(String),
    #[error("not an OpenAPI 3 or Swagger 2.0 description (no `openapi` or `swagger: \"2.0\"` key)")]
    NotADescription,
}

/// Convert a parsed description. Errors only when the input is not an API description.
pub fn convert(input: &Value, opts: &Options) -> Result<Output, ConvertError> {
    let Some(obj) = input.as_object() else {
        return Err(ConvertError::NotAnObject);
    };
    let mut notes = Vec::new();
    let version = obj
        .get("openapi")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut def = if let Some(v) = version.as_deref() {
        let mut doc = input.clone();
        if v.starts_with("3.1") {
            normalize::normalise_31(&mut doc, "", &mut 0);
            notes.push(note(
                &CONVERT_OPEN_API31,
                Severity::Info,
                "",
                "OpenAPI 3.1 input was normalised to 3.0 first (type arrays, const, exclusive bounds, schema examples); JSON Schema keywords without a Swagger 2.0 equivalent are dropped".to_string(),
            ));
            if obj
                .get("webhooks")
                .is_some_and(|w| w.as_object().is_some_and(|m| !m.is_empty()))
            {
                notes.push(note(&CONVERT_WEBHOOKS_DROPPED, Severity::Warning, "",
                    "the description's `webhooks` have no Swagger 2.0 equivalent and were dropped; model a webhook trigger with x-ms-trigger and x-ms-notification-content by hand".to_string()));
            }
        } else if v.starts_with("3.0") {
            if let Err(e) = serde_json::from_value::<openapiv3::OpenAPI>(doc.clone()) {
                notes.push(note(
                    &CONVERT_INPUT_NOT_VALID,
                    Severity::Warning,
                    "",
                    format!("the input does not fully match OpenAPI 3.0 ({e}); converting what can be understood"),
                ));
            }
        } else {
            return Err(ConvertError::UnsupportedVersion(v.to_string()));
        }
        map::Cx::new(&doc, &mut notes, opts).document()
    } else if obj.get("swagger").and_then(Value::as_str) == Some("2.0") {
        input.clone()
    } else {
        return Err(ConvertError::NotADescription);
    };
    if version.is_some() {
        sanitize::rewrite_refs(&mut def, 0);
    }
    sanitize::sanitize(&mut def, &mut notes);
    let properties = enrich::enrich(&mut def, opts, &mut notes);
    derive::derive(&mut def, &properties, opts.profile, &mut notes);
    let notes = notes::cap_notes(notes);
    Ok(Output {
        definition: def,
        properties,
        notes,
    })
}
