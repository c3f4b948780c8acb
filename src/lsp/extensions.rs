//! What each `x-ms-*` extension of a connector definition does and where it may appear
//! (for hover and completion). Wording in our own words, after Microsoft's documentation of
//! custom connector extensions.

/// One extension.
pub(crate) struct Extension {
    pub(crate) key: &'static str,
    /// Where it is allowed.
    pub(crate) on: &'static str,
    pub(crate) about: &'static str,
    /// Allowed string values, when it is an enumeration.
    pub(crate) values: &'static [&'static str],
}

/// The documentation page of the custom connector extensions.
pub(crate) const DOCS: &str =
    "https://learn.microsoft.com/connectors/custom-connectors/openapi-extensions";

pub(crate) static EXTENSIONS: &[Extension] = &[
    Extension {
        key: "x-ms-summary",
        on: "parameters, schema properties, response headers",
        about: "The display name of the entity in Power Automate and Power Apps (Title Case, no trailing punctuation). Certification requires one on every visible parameter and property.",
        values: &[],
    },
    Extension {
        key: "x-ms-visibility",
        on: "operations, parameters, schema properties",
        about: "How prominently the designer shows the entity: `important` always shown first, `advanced` hidden under a menu, `internal` never shown (an internal required parameter needs a default).",
        values: &["important", "advanced", "internal", "none"],
    },
    Extension {
        key: "x-ms-trigger",
        on: "operations",
        about: "Marks an operation as a trigger: `batch` or `single` for polling triggers, webhook triggers use `single` with `x-ms-notification-url` on a callback parameter.",
        values: &["batch", "single"],
    },
    Extension {
        key: "x-ms-trigger-hint",
        on: "trigger operations",
        about: "A hint shown in the designer telling the user how to fire the trigger (for example which action in the service to take).",
        values: &[],
    },
    Extension {
        key: "x-ms-notification-content",
        on: "paths (webhook triggers)",
        about: "Describes the payload the service posts to the webhook: a `description` and a `schema`, so the designer offers the payload's fields as dynamic content.",
        values: &[],
    },
    Extension {
        key: "x-ms-notification-url",
        on: "a parameter of a webhook trigger",
        about: "`true` on the parameter that receives the callback URL the platform generates for a webhook trigger; the parameter should be internal.",
        values: &[],
    },
    Extension {
        key: "x-ms-dynamic-values",
        on: "parameters, schema properties",
        about: "Fills a dropdown from another operation: `operationId` (the operation called), `parameters` (its inputs, literal or `{\"parameter\": \"name\"}`), `value-collection`, `value-path`, `value-title`.",
        values: &[],
    },
    Extension {
        key: "x-ms-dynamic-list",
        on: "parameters",
        about: "The newer form of dynamic values: `operationId`, `parameters` with `value`/`parameterReference`, and `itemsPath`, `itemValuePath`, `itemTitlePath`. Keep `x-ms-dynamic-values` beside it for older clients.",
        values: &[],
    },
    Extension {
        key: "x-ms-dynamic-schema",
        on: "parameters, responses",
        about: "Builds the parameter's or response's schema at design time by calling another operation: `operationId`, `parameters`, `value-path` to the schema in that operation's response.",
        values: &[],
    },
    Extension {
        key: "x-ms-dynamic-properties",
        on: "parameters, responses",
        about: "The newer form of dynamic schema: `operationId`, `parameters` with `parameterReference`, `itemValuePath`. Keep `x-ms-dynamic-schema` beside it for older clients.",
        values: &[],
    },
    Extension {
        key: "x-ms-dynamic-tree",
        on: "parameters",
        about: "A hierarchical picker (folders and files): `settings` (`canSelectParentNodes`, `canSelectLeafNodes`), `open` and `browse` operations with their parameters and item paths.",
        values: &[],
    },
    Extension {
        key: "x-ms-url-encoding",
        on: "path parameters",
        about: "How a path parameter is encoded: `single` (the default the validator expects to be explicit) or `double` (for values that may contain `/`). Not supported on query parameters.",
        values: &["single", "double"],
    },
    Extension {
        key: "x-ms-capabilities",
        on: "the document, operations, parameters",
        about: "Declares platform capabilities: on the document `testConnection` (an operation used to check new connections), on operations `chunkTransfer`, on parameters `file-picker`.",
        values: &[],
    },
    Extension {
        key: "x-ms-connector-metadata",
        on: "the document",
        about: "A list of `propertyName`/`propertyValue` pairs: `Website`, `Privacy policy` and `Categories` are required for certification.",
        values: &[],
    },
    Extension {
        key: "x-ms-api-annotation",
        on: "operations",
        about: "Versioning of actions: `family`, `revision` and `replacement` link an operation to the one that replaces it, so the designer can offer the new version.",
        values: &[],
    },
    Extension {
        key: "x-ms-no-generic-test",
        on: "operations",
        about: "Excludes the operation from the platform's generic tests (for operations that cannot run against a test account).",
        values: &[],
    },
    Extension {
        key: "x-ms-openai-data",
        on: "the document, operations",
        about: "Metadata for Copilot plugins (for example `openai-enabled`, `operations` and their descriptions).",
        values: &[],
    },
    Extension {
        key: "x-ms-editor",
        on: "parameters",
        about: "Chooses a special designer editor for the parameter's value.",
        values: &[],
    },
    Extension {
        key: "x-ms-media-kind",
        on: "parameters, schema properties",
        about: "The kind of media a file content value holds: `image` or `audio`, so the designer can preview it.",
        values: &["image", "audio"],
    },
    Extension {
        key: "x-ms-explicit-only",
        on: "operations",
        about: "The operation can only be called explicitly, never offered as a suggestion.",
        values: &[],
    },
    Extension {
        key: "x-ms-safe-operation",
        on: "operations",
        about: "Marks a POST operation as safe (no side effects), so it can be used where only reads are allowed, such as dynamic values.",
        values: &[],
    },
    Extension {
        key: "x-ms-pageable",
        on: "operations",
        about: "Server-driven paging: `nextLinkName` names the response property holding the next page's URL, so flows can turn on pagination.",
        values: &[],
    },
    Extension {
        key: "x-ms-property-name-alias",
        on: "schema properties",
        about: "An alias for a property whose name the platform cannot use as is (for example one with special characters).",
        values: &[],
    },
    Extension {
        key: "x-ms-test-value",
        on: "parameters, schema properties",
        about: "A value the platform's tests use for this input.",
        values: &[],
    },
];

/// The extension named `key`.
pub(crate) fn find(key: &str) -> Option<&'static Extension> {
    EXTENSIONS.iter().find(|e| e.key == key)
}

/// Hover text of an extension.
pub(crate) fn markdown(e: &Extension) -> String {
    let values = if e.values.is_empty() {
        String::new()
    } else {
        let v: Vec<String> = e.values.iter().map(|v| format!("`{v}`")).collect();
        format!("\n\nValues: {}", v.join(", "))
    };
    format!(
        "**`{}`** (allowed on {})\n\n{}{values}\n\n[Custom connector extensions]({DOCS})",
        e.key, e.on, e.about
    )
}
