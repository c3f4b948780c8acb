//! The converter's notes: what it changed, lost or needs a human for.

use std::collections::HashMap;

use crate::model::FileKind;
use crate::rules::Severity;

/// Something the converter changed, lost or needs a human for; reported like a lint finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub code: &'static str,
    pub severity: Severity,
    /// The output file the pointer is in.
    pub file: FileKind,
    pub pointer: String,
    pub message: String,
}

pub(super) fn note(code: &'static str, severity: Severity, pointer: &str, message: String) -> Note {
    Note {
        code,
        severity,
        file: FileKind::Definition,
        pointer: pointer.to_string(),
        message,
    }
}

/// One converter note code with its documentation, for `connkit explain CODE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteDoc {
    /// The code printed with the note (`Convert…`).
    pub code: &'static str,
    /// One line: what happened.
    pub summary: &'static str,
    /// Why, and what the author should do about it.
    pub explanation: &'static str,
}

const fn doc(code: &'static str, summary: &'static str, explanation: &'static str) -> NoteDoc {
    NoteDoc {
        code,
        summary,
        explanation,
    }
}

/// Every code `connkit convert` can print, sorted by code. A unit test fails when a code is
/// used in `src/convert` or `src/cli/convert.rs` without an entry here (or the reverse).
/// Look a code up with [`find`].
pub const NOTES: &[NoteDoc] = &[
    doc(
        "ConvertAuthorMustWrite",
        "A placeholder the author must replace before submitting",
        "With `--profile certified` or `independent-publisher`, every value the converter could not derive and left as a placeholder (contact, website, privacy policy, publisher, host, icon colour, descriptions made only from an operationId) is listed once, at its place: certification reviewers reject placeholders.",
    ),
    doc(
        "ConvertBasePathTrimmed",
        "The server path had variables without defaults; basePath was cut before them",
        "Swagger 2.0 has no server variables. The basePath keeps the part before the first variable; set the full path by hand if the variable is fixed.",
    ),
    doc(
        "ConvertBearerAsApiKey",
        "A bearer scheme became an API key in the Authorization header",
        "Connectors have no bearer scheme. Users enter `Bearer <token>` as the API key; use OAuth 2.0 instead when the service offers it.",
    ),
    doc(
        "ConvertBinaryBody",
        "A body under a binary media type became a binary string",
        "Under `application/octet-stream`, `image/*`, `application/pdf` and other binary media types the bytes are the body: an object schema there (often a generator's artefact) cannot be sent by a connector, so the body is `{type: string, format: binary}`.",
    ),
    doc(
        "ConvertBrandColorPlaceholder",
        "iconBrandColor is the default blue",
        "Certified connectors need the icon's real background colour (not #007ee5) and an icon.png.",
    ),
    doc(
        "ConvertCallbacksDropped",
        "Operation callbacks were dropped",
        "Swagger 2.0 has no callbacks. A webhook trigger needs x-ms-trigger and x-ms-notification-content written by hand.",
    ),
    doc(
        "ConvertComplexParameter",
        "An object-typed parameter became a string",
        "Non-body parameters of a connector are primitives or arrays of primitives; the caller must serialise the object.",
    ),
    doc(
        "ConvertComponentsDropped",
        "components/callbacks, links or examples were dropped",
        "They have no Swagger 2.0 equivalent.",
    ),
    doc(
        "ConvertContactAdded",
        "A placeholder contact was added",
        "Connectors need info.contact (name, url, email); replace the placeholders with the real support contact.",
    ),
    doc(
        "ConvertCookieParameterDropped",
        "A cookie parameter was dropped",
        "Connectors cannot send cookies; a policy template can set a Cookie header.",
    ),
    doc(
        "ConvertDefaultRemoved",
        "Defaults that do not match their type were removed",
        "The connector schema refuses a default of another type than its schema.",
    ),
    doc(
        "ConvertDefinitionTooLarge",
        "The definition is over 1 MB",
        "Connectors must stay under 1 MB: split the API into several connectors.",
    ),
    doc(
        "ConvertDescriptionAdded",
        "Descriptions were derived from summaries or names",
        "With `--profile certified` or `independent-publisher`, operation descriptions come from their summaries (or the reverse), parameter and property descriptions and x-ms-summary from their names (`userId` → \"User ID\"), response descriptions from their status. Review them: they are correct but plain.",
    ),
    doc(
        "ConvertDescriptionNeedsReview",
        "The connector description was shortened or generated",
        "Connector descriptions are 30 to 500 characters of plain text; review the result.",
    ),
    doc(
        "ConvertEnumCleaned",
        "Enum values that do not match their type were removed",
        "The connector schema refuses enum values of another type than their schema.",
    ),
    doc(
        "ConvertExtensionRemoved",
        "Unknown x-ms-* extensions were removed",
        "The connector schema rejects x-ms-* keys it does not know (and x-ms-pageable without a supported nextLinkName).",
    ),
    doc(
        "ConvertExternalRef",
        "An external reference became an empty schema",
        "Only local references are supported: bundle the description first (e.g. `redocly bundle`).",
    ),
    doc(
        "ConvertFormatRemoved",
        "format values connectors do not accept were removed",
        "Uses the same type/format table as the UnrecognizedTypeFormat rule.",
    ),
    doc(
        "ConvertHostMissing",
        "No absolute server URL: host is a placeholder",
        "Set the host with --host.",
    ),
    doc(
        "ConvertInputNotValid",
        "The input does not fully match OpenAPI 3.0",
        "What can be understood is converted; check the input with an OpenAPI validator.",
    ),
    doc(
        "ConvertLinksDropped",
        "Response links were dropped",
        "Swagger 2.0 has no links.",
    ),
    doc(
        "ConvertMediaTypeChosen",
        "One request body media type was kept",
        "A connector operation has one body; JSON is preferred, then form encodings.",
    ),
    doc(
        "ConvertMetadataAdded",
        "An x-ms-connector-metadata skeleton was added",
        "Set the real website, privacy policy and up to two categories.",
    ),
    doc(
        "ConvertMethodDropped",
        "A TRACE operation was dropped",
        "Connectors support get, put, post, delete, patch, head and options.",
    ),
    doc(
        "ConvertNestedRefHoisted",
        "A reference into a schema component was hoisted into definitions",
        "Swagger 2.0 references name whole definitions. A reference deeper than a component (`#/components/schemas/X/definitions/Y`, `…/X/properties/p`) becomes its own definition under a derived unique name (`X_Y`), instead of being copied at every use (which makes schemas too deep).",
    ),
    doc(
        "ConvertNestedRefInlined",
        "A reference into a schema component could not be hoisted and was inlined",
        "The target is not a schema object (or is a chain of references); its content was copied in place.",
    ),
    doc(
        "ConvertOneOfSimplified",
        "oneOf/anyOf became the closest single shape",
        "Swagger 2.0 has no alternatives: object alternatives become the union of their properties (or the first one when very wide), same-type alternatives one type, mixed types an untyped schema.",
    ),
    doc(
        "ConvertOpenApi31",
        "OpenAPI 3.1 input was normalised to 3.0 first",
        "Type arrays, const, exclusive bounds and schema examples are rewritten; JSON Schema keywords without a Swagger 2.0 equivalent are dropped.",
    ),
    doc(
        "ConvertOperationDropped",
        "An operation duplicating another route was dropped",
        "Same route with other variable names, or the same path in another letter case.",
    ),
    doc(
        "ConvertOperationIdAdded",
        "operationIds were generated, made PascalCase or made unique",
        "Microsoft's coding standards ask for unique PascalCase operationIds; missing ones come from the method and path.",
    ),
    doc(
        "ConvertOperationSecurityDropped",
        "Operation-level security was dropped",
        "A connector authenticates every call with its connection.",
    ),
    doc(
        "ConvertParameterContent",
        "A parameter described by content became a string",
        "Connectors have no content-typed parameters.",
    ),
    doc(
        "ConvertParameterDropped",
        "A parameter was dropped",
        "Declared twice, not in the path template, or without a usable name and location.",
    ),
    doc(
        "ConvertPathDropped",
        "A path that connectors cannot express was dropped",
        "Query strings, fragments, wildcards and invalid templates are not allowed in connector paths.",
    ),
    doc(
        "ConvertPathItemRefInlined",
        "A path item $ref was inlined",
        "Connectors do not support path item references.",
    ),
    doc(
        "ConvertPathParameterAdded",
        "A path variable without a parameter got a required string parameter",
        "Every path variable needs a parameter; describe it.",
    ),
    doc(
        "ConvertPropertyDropped",
        "A property named '$ref' was dropped",
        "Tools read a `$ref` key as a reference wherever it appears.",
    ),
    doc(
        "ConvertPublisherPlaceholder",
        "publisher and stackOwner were set from the contact name",
        "Check them: they are shown to users and reviewed by Microsoft.",
    ),
    doc(
        "ConvertReadOnlyNotRequired",
        "readOnly properties were removed from required",
        "Swagger 2.0 and certification refuse required readOnly properties in request bodies.",
    ),
    doc(
        "ConvertRefBroken",
        "A reference that does not resolve became an empty schema",
        "Fix the reference in the input.",
    ),
    doc(
        "ConvertRequestBodyDropped",
        "A request body was dropped",
        "GET and HEAD cannot have a body in a connector; a form body needs properties.",
    ),
    doc(
        "ConvertResponseAdded",
        "An operation without a success response got '200'",
        "Describe the real success response.",
    ),
    doc(
        "ConvertResponseDropped",
        "A response key that is not a status code was dropped",
        "Swagger 2.0 responses are keyed by status code or `default`.",
    ),
    doc(
        "ConvertResultNotLinted",
        "The result is over 8 MB and was not linted",
        "It is unchecked, not clean: split the API, then run `connkit lint` on each part.",
    ),
    doc(
        "ConvertSchemaSimplified",
        "A schema keyword without a Swagger 2.0 equivalent was simplified",
        "Tuple items became the first item, `not` was dropped, or too many references were inlined.",
    ),
    doc(
        "ConvertSecurityChosen",
        "One security scheme was kept",
        "A connection uses one authentication; several need connectionParameterSets, written by hand.",
    ),
    doc(
        "ConvertSecuritySchemeUnsupported",
        "A security scheme connectors cannot use was dropped",
        "Cookie API keys, client-credentials, password and implicit OAuth grants, and other HTTP schemes.",
    ),
    doc(
        "ConvertServerChosen",
        "The first server was used",
        "A connector has one host; the other servers were not used.",
    ),
    doc(
        "ConvertServersIgnored",
        "Path- or operation-level servers were ignored",
        "Connectors have one host for every operation.",
    ),
    doc(
        "ConvertStatusRangeMapped",
        "A status range became a status code",
        "Swagger 2.0 has no ranges: `2XX` became `200`.",
    ),
    doc(
        "ConvertSummaryAdded",
        "Parameters got an x-ms-summary derived from their names",
        "Review them: they are shown in the designer.",
    ),
    doc(
        "ConvertSummaryAdjusted",
        "Operation summaries were added or cleaned",
        "Letters, digits, spaces and parentheses, at most 80 characters.",
    ),
    doc(
        "ConvertTitleAdjusted",
        "The title was adjusted",
        "At most 30 characters, without 'API' or 'Connector', ending with a letter or digit.",
    ),
    doc(
        "ConvertTooManyOperations",
        "More than 256 operations",
        "A connector holds at most 256 operations: split it into several connectors.",
    ),
    doc(
        "ConvertUrlEncodingAdded",
        "Path parameters got x-ms-url-encoding: single",
        "Connectors need it on every path parameter.",
    ),
    doc(
        "ConvertVendorExtensionDropped",
        "Vendor extensions connectors do not understand were dropped",
        "x-github-*, x-octokit, x-webhooks and other non-x-ms-* extensions are dropped with their content (references included).",
    ),
    doc(
        "ConvertWebhooksDropped",
        "OpenAPI 3.1 webhooks were dropped",
        "Model a webhook trigger with x-ms-trigger and x-ms-notification-content by hand.",
    ),
];

/// The documentation of a converter note code (exact code, case-insensitive).
pub fn find(code: &str) -> Option<&'static NoteDoc> {
    NOTES.iter().find(|n| n.code.eq_ignore_ascii_case(code))
}

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
        let mut summary = note(
            code,
            severity,
            &pointer,
            format!("… and {} more {code} like the above", c - NOTES_PER_CODE),
        );
        summary.file = file;
        out.insert(last + 1, summary);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"Convert…"` literal in the converter's sources and the CLI.
    fn used_codes() -> std::collections::BTreeSet<String> {
        let sources = [
            include_str!("mod.rs"),
            include_str!("read.rs"),
            include_str!("normalize.rs"),
            include_str!("map/mod.rs"),
            include_str!("map/operation.rs"),
            include_str!("map/schema.rs"),
            include_str!("map/security.rs"),
            include_str!("sanitize.rs"),
            include_str!("enrich.rs"),
            include_str!("derive.rs"),
            include_str!("write.rs"),
            include_str!("../cli/convert.rs"),
        ];
        let mut out = std::collections::BTreeSet::new();
        for s in sources {
            let mut rest = s;
            while let Some(i) = rest.find("\"Convert") {
                let tail = &rest[i + 1..];
                let end = tail
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(tail.len());
                if tail[end..].starts_with('"') {
                    out.insert(tail[..end].to_string());
                }
                rest = &tail[end..];
            }
        }
        out
    }

    #[test]
    fn every_code_used_is_in_the_catalog_and_every_entry_is_used() {
        let used = used_codes();
        for c in &used {
            assert!(find(c).is_some(), "{c} is printed but not in notes::NOTES");
        }
        for n in NOTES {
            assert!(
                used.contains(n.code),
                "{} is in NOTES but never printed",
                n.code
            );
            assert!(!n.summary.is_empty() && !n.explanation.is_empty());
        }
        let mut sorted: Vec<&str> = NOTES.iter().map(|n| n.code).collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), NOTES.len(), "codes are unique");
        assert_eq!(
            find("convertoneofsimplified").map(|n| n.code),
            Some("ConvertOneOfSimplified")
        );
        assert!(find("NoSuchCode").is_none());
    }

    #[test]
    fn notes_are_capped_per_code_with_a_summary_after_the_last() {
        let mut notes: Vec<Note> = (0..NOTES_PER_CODE + 3)
            .map(|i| {
                note(
                    "ConvertRefBroken",
                    Severity::Warning,
                    &format!("/p{i}"),
                    "x".into(),
                )
            })
            .collect();
        notes.push(note(
            "ConvertHostMissing",
            Severity::Warning,
            "/host",
            "h".into(),
        ));
        let out = cap_notes(notes);
        assert_eq!(out.len(), NOTES_PER_CODE + 2);
        let summary = &out[NOTES_PER_CODE];
        assert_eq!(summary.code, "ConvertRefBroken");
        assert_eq!(summary.pointer, format!("/p{}", NOTES_PER_CODE - 1));
        assert!(summary.message.contains("3 more"), "{}", summary.message);
        assert_eq!(out.last().map(|n| n.code), Some("ConvertHostMissing"));
    }
}
