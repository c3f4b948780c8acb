//! The converter's notes: what it changed, lost or needs a human for.

use std::collections::HashMap;

use crate::core::Doc;
use crate::core::Severity;
use crate::model::FileKind;

/// Something the converter changed, lost or needs a human for; reported like a lint finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub code: &'static str,
    pub(crate) severity: Severity,
    /// The output file the pointer is in.
    pub(crate) file: FileKind,
    pub pointer: String,
    pub message: String,
}

pub(super) fn note(
    doc: &'static NoteDoc,
    severity: Severity,
    pointer: &str,
    message: String,
) -> Note {
    Note {
        code: doc.code,
        severity,
        file: FileKind::Definition,
        pointer: pointer.to_string(),
        message,
    }
}

/// One converter note code with its documentation, for `connkit explain CODE`; declared with
/// [`declare_code!`](crate::declare_code) in `notes/<snake_code>.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NoteDoc {
    /// The code printed with the note (`Convert…`).
    pub(crate) code: &'static str,
    /// One line: what happened.
    pub(crate) summary: &'static str,
    /// Why, and what the author should do about it (Markdown with `### ` sections).
    pub(crate) explanation: Doc,
}

mod convert_author_must_write;
mod convert_base_path_trimmed;
mod convert_bearer_as_api_key;
mod convert_binary_body;
mod convert_brand_color_placeholder;
mod convert_callbacks_dropped;
mod convert_complex_parameter;
mod convert_components_dropped;
mod convert_contact_added;
mod convert_cookie_parameter_dropped;
mod convert_default_removed;
mod convert_definition_too_large;
mod convert_description_added;
mod convert_description_needs_review;
mod convert_enum_cleaned;
mod convert_extension_removed;
mod convert_external_ref;
mod convert_format_removed;
mod convert_host_missing;
mod convert_input_not_valid;
mod convert_links_dropped;
mod convert_media_type_chosen;
mod convert_metadata_added;
mod convert_method_dropped;
mod convert_nested_ref_hoisted;
mod convert_nested_ref_inlined;
mod convert_one_of_simplified;
mod convert_open_api31;
mod convert_operation_dropped;
mod convert_operation_id_added;
mod convert_operation_security_dropped;
mod convert_parameter_content;
mod convert_parameter_dropped;
mod convert_path_dropped;
mod convert_path_item_ref_inlined;
mod convert_path_parameter_added;
mod convert_property_dropped;
mod convert_publisher_placeholder;
mod convert_read_only_not_required;
mod convert_ref_broken;
mod convert_request_body_dropped;
mod convert_response_added;
mod convert_response_dropped;
mod convert_result_not_linted;
mod convert_schema_simplified;
mod convert_security_chosen;
mod convert_security_scheme_unsupported;
mod convert_server_chosen;
mod convert_servers_ignored;
mod convert_status_range_mapped;
mod convert_summary_added;
mod convert_summary_adjusted;
mod convert_title_adjusted;
mod convert_too_many_operations;
mod convert_url_encoding_added;
mod convert_vendor_extension_dropped;
mod convert_webhooks_dropped;

pub(crate) use convert_author_must_write::CONVERT_AUTHOR_MUST_WRITE;
pub(crate) use convert_base_path_trimmed::CONVERT_BASE_PATH_TRIMMED;
pub(crate) use convert_bearer_as_api_key::CONVERT_BEARER_AS_API_KEY;
pub(crate) use convert_binary_body::CONVERT_BINARY_BODY;
pub(crate) use convert_brand_color_placeholder::CONVERT_BRAND_COLOR_PLACEHOLDER;
pub(crate) use convert_callbacks_dropped::CONVERT_CALLBACKS_DROPPED;
pub(crate) use convert_complex_parameter::CONVERT_COMPLEX_PARAMETER;
pub(crate) use convert_components_dropped::CONVERT_COMPONENTS_DROPPED;
pub(crate) use convert_contact_added::CONVERT_CONTACT_ADDED;
pub(crate) use convert_cookie_parameter_dropped::CONVERT_COOKIE_PARAMETER_DROPPED;
pub(crate) use convert_default_removed::CONVERT_DEFAULT_REMOVED;
pub(crate) use convert_definition_too_large::CONVERT_DEFINITION_TOO_LARGE;
pub(crate) use convert_description_added::CONVERT_DESCRIPTION_ADDED;
pub(crate) use convert_description_needs_review::CONVERT_DESCRIPTION_NEEDS_REVIEW;
pub(crate) use convert_enum_cleaned::CONVERT_ENUM_CLEANED;
pub(crate) use convert_extension_removed::CONVERT_EXTENSION_REMOVED;
pub(crate) use convert_external_ref::CONVERT_EXTERNAL_REF;
pub(crate) use convert_format_removed::CONVERT_FORMAT_REMOVED;
pub(crate) use convert_host_missing::CONVERT_HOST_MISSING;
pub(crate) use convert_input_not_valid::CONVERT_INPUT_NOT_VALID;
pub(crate) use convert_links_dropped::CONVERT_LINKS_DROPPED;
pub(crate) use convert_media_type_chosen::CONVERT_MEDIA_TYPE_CHOSEN;
pub(crate) use convert_metadata_added::CONVERT_METADATA_ADDED;
pub(crate) use convert_method_dropped::CONVERT_METHOD_DROPPED;
pub(crate) use convert_nested_ref_hoisted::CONVERT_NESTED_REF_HOISTED;
pub(crate) use convert_nested_ref_inlined::CONVERT_NESTED_REF_INLINED;
pub(crate) use convert_one_of_simplified::CONVERT_ONE_OF_SIMPLIFIED;
pub(crate) use convert_open_api31::CONVERT_OPEN_API31;
pub(crate) use convert_operation_dropped::CONVERT_OPERATION_DROPPED;
pub(crate) use convert_operation_id_added::CONVERT_OPERATION_ID_ADDED;
pub(crate) use convert_operation_security_dropped::CONVERT_OPERATION_SECURITY_DROPPED;
pub(crate) use convert_parameter_content::CONVERT_PARAMETER_CONTENT;
pub(crate) use convert_parameter_dropped::CONVERT_PARAMETER_DROPPED;
pub(crate) use convert_path_dropped::CONVERT_PATH_DROPPED;
pub(crate) use convert_path_item_ref_inlined::CONVERT_PATH_ITEM_REF_INLINED;
pub(crate) use convert_path_parameter_added::CONVERT_PATH_PARAMETER_ADDED;
pub(crate) use convert_property_dropped::CONVERT_PROPERTY_DROPPED;
pub(crate) use convert_publisher_placeholder::CONVERT_PUBLISHER_PLACEHOLDER;
pub(crate) use convert_read_only_not_required::CONVERT_READ_ONLY_NOT_REQUIRED;
pub(crate) use convert_ref_broken::CONVERT_REF_BROKEN;
pub(crate) use convert_request_body_dropped::CONVERT_REQUEST_BODY_DROPPED;
pub(crate) use convert_response_added::CONVERT_RESPONSE_ADDED;
pub(crate) use convert_response_dropped::CONVERT_RESPONSE_DROPPED;
pub(crate) use convert_result_not_linted::CONVERT_RESULT_NOT_LINTED;
pub(crate) use convert_schema_simplified::CONVERT_SCHEMA_SIMPLIFIED;
pub(crate) use convert_security_chosen::CONVERT_SECURITY_CHOSEN;
pub(crate) use convert_security_scheme_unsupported::CONVERT_SECURITY_SCHEME_UNSUPPORTED;
pub(crate) use convert_server_chosen::CONVERT_SERVER_CHOSEN;
pub(crate) use convert_servers_ignored::CONVERT_SERVERS_IGNORED;
pub(crate) use convert_status_range_mapped::CONVERT_STATUS_RANGE_MAPPED;
pub(crate) use convert_summary_added::CONVERT_SUMMARY_ADDED;
pub(crate) use convert_summary_adjusted::CONVERT_SUMMARY_ADJUSTED;
pub(crate) use convert_title_adjusted::CONVERT_TITLE_ADJUSTED;
pub(crate) use convert_too_many_operations::CONVERT_TOO_MANY_OPERATIONS;
pub(crate) use convert_url_encoding_added::CONVERT_URL_ENCODING_ADDED;
pub(crate) use convert_vendor_extension_dropped::CONVERT_VENDOR_EXTENSION_DROPPED;
pub(crate) use convert_webhooks_dropped::CONVERT_WEBHOOKS_DROPPED;

/// Every code `connkit convert` can print, sorted by code. Notes are made from these
/// declarations (`note` takes a `&NoteDoc`), so a code cannot be printed without one.
/// `connkit explain` looks a code up through `crate::catalog::find`.
pub(crate) static NOTES: &[&NoteDoc] = &[
    &CONVERT_AUTHOR_MUST_WRITE,
    &CONVERT_BASE_PATH_TRIMMED,
    &CONVERT_BEARER_AS_API_KEY,
    &CONVERT_BINARY_BODY,
    &CONVERT_BRAND_COLOR_PLACEHOLDER,
    &CONVERT_CALLBACKS_DROPPED,
    &CONVERT_COMPLEX_PARAMETER,
    &CONVERT_COMPONENTS_DROPPED,
    &CONVERT_CONTACT_ADDED,
    &CONVERT_COOKIE_PARAMETER_DROPPED,
    &CONVERT_DEFAULT_REMOVED,
    &CONVERT_DEFINITION_TOO_LARGE,
    &CONVERT_DESCRIPTION_ADDED,
    &CONVERT_DESCRIPTION_NEEDS_REVIEW,
    &CONVERT_ENUM_CLEANED,
    &CONVERT_EXTENSION_REMOVED,
    &CONVERT_EXTERNAL_REF,
    &CONVERT_FORMAT_REMOVED,
    &CONVERT_HOST_MISSING,
    &CONVERT_INPUT_NOT_VALID,
    &CONVERT_LINKS_DROPPED,
    &CONVERT_MEDIA_TYPE_CHOSEN,
    &CONVERT_METADATA_ADDED,
    &CONVERT_METHOD_DROPPED,
    &CONVERT_NESTED_REF_HOISTED,
    &CONVERT_NESTED_REF_INLINED,
    &CONVERT_ONE_OF_SIMPLIFIED,
    &CONVERT_OPEN_API31,
    &CONVERT_OPERATION_DROPPED,
    &CONVERT_OPERATION_ID_ADDED,
    &CONVERT_OPERATION_SECURITY_DROPPED,
    &CONVERT_PARAMETER_CONTENT,
    &CONVERT_PARAMETER_DROPPED,
    &CONVERT_PATH_DROPPED,
    &CONVERT_PATH_ITEM_REF_INLINED,
    &CONVERT_PATH_PARAMETER_ADDED,
    &CONVERT_PROPERTY_DROPPED,
    &CONVERT_PUBLISHER_PLACEHOLDER,
    &CONVERT_READ_ONLY_NOT_REQUIRED,
    &CONVERT_REF_BROKEN,
    &CONVERT_REQUEST_BODY_DROPPED,
    &CONVERT_RESPONSE_ADDED,
    &CONVERT_RESPONSE_DROPPED,
    &CONVERT_RESULT_NOT_LINTED,
    &CONVERT_SCHEMA_SIMPLIFIED,
    &CONVERT_SECURITY_CHOSEN,
    &CONVERT_SECURITY_SCHEME_UNSUPPORTED,
    &CONVERT_SERVER_CHOSEN,
    &CONVERT_SERVERS_IGNORED,
    &CONVERT_STATUS_RANGE_MAPPED,
    &CONVERT_SUMMARY_ADDED,
    &CONVERT_SUMMARY_ADJUSTED,
    &CONVERT_TITLE_ADJUSTED,
    &CONVERT_TOO_MANY_OPERATIONS,
    &CONVERT_URL_ENCODING_ADDED,
    &CONVERT_VENDOR_EXTENSION_DROPPED,
    &CONVERT_WEBHOOKS_DROPPED,
];

/// At most this many notes per code; the rest are counted in one last note.
pub const NOTES_PER_CODE: usize = 20;

pub(super) fn cap_notes(notes: Vec<Note>) -> Vec<Note> {
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    let mut out = Vec::new();
    for n in notes {
        let c = seen.entry(n.code).or_default();
        *c += 1;
        if *c <= NOTES_PER_CODE {
            out.push(n);
        }
    }
    let mut extra: Vec<(&'static str, usize)> = seen
        .into_iter()
        .filter(|(_, c)| *c > NOTES_PER_CODE)
        .collect();
    extra.sort();
    for (code, c) in extra {
        // Right after the last note it summarises, at the same place in the file, so that
        // reports sorted by position print it after the findings it counts.
        let Some(last) = out.iter().rposition(|n| n.code == code) else {
            continue;
        };
        let (severity, file, pointer) = {
            let n = &out[last];
            (n.severity, n.file, n.pointer.clone())
        };
        let summary = Note {
            code,
            severity,
            file,
            pointer,
            message: format!("… and {} more {code} like the above", c - NOTES_PER_CODE),
        };
        out.insert(last + 1, summary);
    }
    out
}

/// Small inputs for the notes' tests, converted by the real converter.
#[cfg(test)]
pub(crate) mod testing {
    use serde_json::{Value, json};

    use super::NoteDoc;
    use crate::core::Profile;
    use crate::rules::testing::data_file;

    /// An OpenAPI 3.0 document that converts without a note (custom profile), with these
    /// `paths`: what a test adds to it is what the note is about.
    pub(crate) fn openapi(paths: Value) -> Value {
        json!({
            "openapi": "3.0.3",
            "info": {
                "title": "Contoso Tasks",
                "version": "1.0",
                "description": "Create, list and complete the tasks of a Contoso Tasks account.",
                "contact": {"name": "Contoso", "url": "https://contoso.com", "email": "help@contoso.com"}
            },
            "servers": [{"url": "https://api.contoso.com/v1"}],
            "x-ms-connector-metadata": [{"propertyName": "Website", "propertyValue": "https://contoso.com"}],
            "paths": paths
        })
    }

    /// A Swagger 2.0 document that converts without a note (custom profile), with these
    /// `paths`.
    pub(crate) fn swagger(paths: Value) -> Value {
        let mut doc = openapi(paths);
        let m = doc.as_object_mut().unwrap();
        m.remove("openapi");
        m.remove("servers");
        m.insert("swagger".into(), json!("2.0"));
        m.insert("host".into(), json!("api.contoso.com"));
        m.insert("basePath".into(), json!("/v1"));
        m.insert("schemes".into(), json!(["https"]));
        doc
    }

    /// One GET operation that converts without a note, with `extra` merged into it.
    pub(crate) fn get_op(extra: Value) -> Value {
        let mut op = json!({
            "operationId": "ListTasks",
            "summary": "List tasks",
            "description": "Lists the tasks of the account.",
            "responses": {"200": {"description": "The tasks"}}
        });
        merge(&mut op, extra);
        op
    }

    /// [`openapi`] with `/tasks` holding [`get_op`] with `extra`.
    pub(crate) fn with_get(extra: Value) -> Value {
        openapi(json!({"/tasks": {"get": get_op(extra)}}))
    }

    /// `patch`'s keys set into `v` (objects merged key by key, recursively).
    pub(crate) fn merge(v: &mut Value, patch: Value) {
        match (v, patch) {
            (Value::Object(a), Value::Object(b)) => {
                for (k, pv) in b {
                    match a.get_mut(&k) {
                        Some(av) if av.is_object() && pv.is_object() => merge(av, pv),
                        _ => {
                            a.insert(k, pv);
                        }
                    }
                }
            }
            (v, p) => *v = p,
        }
    }

    /// The codes of the notes `convert` makes of `input` with `profile`.
    pub(crate) fn codes_with(input: &Value, profile: Profile) -> Vec<&'static str> {
        let opts = crate::convert::Options {
            profile,
            ..Default::default()
        };
        crate::convert::convert(input, &opts)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.code)
            .collect()
    }

    /// What `convert` makes of `input` (custom profile): the definition and properties.
    pub(crate) fn converted(input: &Value) -> crate::convert::Output {
        crate::convert::convert(input, &crate::convert::Options::default()).unwrap()
    }

    /// The codes of the notes `convert` makes of `input` (custom profile).
    pub(crate) fn codes(input: &Value) -> Vec<&'static str> {
        codes_with(input, Profile::Custom)
    }

    /// Snapshot the notes `note` of converting `input` (custom profile) as `connkit convert`
    /// prints them in text, at their places in the written files, as
    /// `snapshots/<Code>.snap` (`cargo insta review`). Each note's file calls it (or
    /// [`snapshot_with`], [`snapshot_findings`]) once.
    pub(crate) fn snapshot(note: &'static NoteDoc, input: &Value) {
        snapshot_with(note, input, Profile::Custom);
    }

    /// [`snapshot`] with this target profile.
    pub(crate) fn snapshot_with(note: &'static NoteDoc, input: &Value, profile: Profile) {
        let opts = crate::convert::Options {
            profile,
            ..Default::default()
        };
        let out = crate::convert::convert(input, &opts).unwrap();
        let notes: Vec<_> = out
            .notes
            .iter()
            .filter(|n| n.code == note.code)
            .cloned()
            .collect();
        let findings = crate::app::convert::located_notes(&written(&out), notes);
        snapshot_findings(note, &findings);
    }

    /// The connector folder `connkit convert` writes of `out` (its two files), in memory.
    pub(crate) fn written(out: &crate::convert::Output) -> crate::model::Connector {
        let [definition, properties] = crate::convert::write::files(out)
            .map(|(name, bytes)| data_file(name, String::from_utf8(bytes).unwrap()));
        crate::model::Connector {
            display: "out".into(),
            definition: Some(definition),
            properties: Some(properties),
            ..Default::default()
        }
    }

    /// Snapshot findings of `note` (made as `connkit convert` makes them) rendered as its
    /// text output prints them, for the folder `out`.
    pub(crate) fn snapshot_findings(note: &'static NoteDoc, findings: &[crate::rules::Finding]) {
        assert!(
            !findings.is_empty() && findings.iter().all(|f| f.code == note.code),
            "{}: not what converting makes: {findings:?}",
            note.code
        );
        let mut text = String::new();
        for f in findings {
            crate::report::text::render_finding(&mut text, "out", f, false);
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.set_description(format!("{}: {}", note.code, note.summary));
        settings.bind(|| insta::assert_snapshot!(note.code, text));
    }

    /// Whether converting `input` (custom profile) prints `note`.
    pub(crate) fn emits(input: &Value, note: &NoteDoc) -> bool {
        codes(input).contains(&note.code)
    }

    #[test]
    fn the_base_documents_convert_without_a_note() {
        assert_eq!(codes(&openapi(json!({}))), Vec::<&str>::new());
        assert_eq!(codes(&with_get(json!({}))), Vec::<&str>::new());
        let get = get_op(json!({}));
        assert_eq!(
            codes(&swagger(json!({"/tasks": {"get": get}}))),
            Vec::<&str>::new()
        );
        let mut v = json!({"a": {"b": 1, "c": 2}});
        merge(&mut v, json!({"a": {"b": 3}, "d": 4}));
        assert_eq!(v, json!({"a": {"b": 3, "c": 2}, "d": 4}));
    }

    /// A document whose `GET /tasks` returns `$ref: reference`, with a `Task` component that
    /// has a `required` list and an object property `owner` (for the nested-reference notes).
    pub(crate) fn returning_nested_ref(reference: &str) -> Value {
        let mut doc = with_get(
            json!({"responses": {"200": {"description": "The owner", "content": {"application/json": {"schema": {"$ref": reference}}}}}}),
        );
        doc["components"] = json!({"schemas": {"Task": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"},
            "owner": {"type": "object", "properties": {"name": {"type": "string"}}}
        }}}});
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The converter's sources and the CLI's, but the notes' own files: `(path, text)`.
    fn emitting_sources() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("src/convert")];
        let mut out = vec![(
            "src/cli/convert.rs".to_string(),
            std::fs::read_to_string(root.join("src/cli/convert.rs")).unwrap(),
        )];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    if p.file_name().is_some_and(|n| n != "notes") {
                        dirs.push(p);
                    }
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let shown = p.strip_prefix(root).unwrap().display().to_string();
                    out.push((shown, std::fs::read_to_string(&p).unwrap()));
                }
            }
        }
        out
    }

    /// Every `"Convert…"` string literal (a code spelled out) in `text`.
    fn code_literals(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(i) = rest.find("\"Convert") {
            let tail = &rest[i + 1..];
            let end = tail
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(tail.len());
            if tail[end..].starts_with('"') && end > "Convert".len() {
                out.push(tail[..end].to_string());
            }
            rest = &tail[end..];
        }
        out
    }

    #[test]
    fn codes_are_emitted_through_their_declaration_and_every_declaration_is_used() {
        // `note` takes a `&NoteDoc`; a `Note` built by hand (the CLI's) or a test comparing
        // codes must use the declaration's `.code` too, never a spelled-out code.
        let sources = emitting_sources();
        assert!(sources.len() > 10, "{}", sources.len());
        for (path, text) in &sources {
            let literals = code_literals(text);
            assert!(
                literals.is_empty(),
                "{path} spells out {literals:?}: use the declaration in src/convert/notes/ instead"
            );
        }
        assert_eq!(code_literals("x(\"ConvertFoo\")"), ["ConvertFoo"]);
        for n in NOTES {
            let name = crate::catalog::layout::snake(n.code).to_uppercase();
            assert!(
                sources.iter().any(|(_, t)| t.contains(&name)),
                "{} ({name}) is in NOTES but never printed",
                n.code
            );
            assert!(!n.summary.is_empty() && !n.explanation.text().is_empty());
        }
        let mut sorted: Vec<&str> = NOTES.iter().map(|n| n.code).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), NOTES.len(), "codes are unique");
        assert!(
            NOTES.windows(2).all(|w| w[0].code < w[1].code),
            "NOTES is sorted by code"
        );
        // `explain` finds a note through the catalog, whatever the case.
        assert_eq!(
            crate::catalog::find("convertoneofsimplified").map(|e| e.code),
            Some("ConvertOneOfSimplified")
        );
    }

    /// One file per note, named after its code, declaring it, with a test naming it; every
    /// explanation has `### Why` (issue #15).
    #[test]
    fn every_note_has_its_own_tested_file() {
        let codes: Vec<_> = NOTES.iter().map(|n| (n.code, n.explanation)).collect();
        let problems = crate::catalog::layout::problems("src/convert/notes", &codes);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// Every note's file snapshots its rendered text (`testing::snapshot`), and every
    /// snapshot belongs to a note.
    #[test]
    fn every_note_has_its_rendered_text_under_snapshot() {
        let codes: Vec<&str> = NOTES.iter().map(|n| n.code).collect();
        let problems =
            crate::catalog::layout::snapshot_problems("src/convert/notes/snapshots", &codes, &[]);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn notes_are_capped_per_code_with_a_summary_after_the_last() {
        let mut notes: Vec<Note> = (0..NOTES_PER_CODE + 3)
            .map(|i| {
                note(
                    &CONVERT_REF_BROKEN,
                    Severity::Warning,
                    &format!("/p{i}"),
                    "x".into(),
                )
            })
            .collect();
        notes.push(note(
            &CONVERT_HOST_MISSING,
            Severity::Warning,
            "/host",
            "h".into(),
        ));
        let out = cap_notes(notes);
        assert_eq!(out.len(), NOTES_PER_CODE + 2);
        let summary = &out[NOTES_PER_CODE];
        assert_eq!(summary.code, CONVERT_REF_BROKEN.code);
        assert_eq!(summary.pointer, format!("/p{}", NOTES_PER_CODE - 1));
        assert!(summary.message.contains("3 more"), "{}", summary.message);
        assert_eq!(out.last().map(|n| n.code), Some(CONVERT_HOST_MISSING.code));
    }
}
