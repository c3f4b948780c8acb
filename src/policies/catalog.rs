//! Every policy template Microsoft documents (and the three it uses without documenting):
//! the ids the platform matches, each parameter with its kind, whether it is required, its
//! values and default, the sections it runs in, and the page that documents it.
//!
//! Sources: the per-template pages under
//! `learn.microsoft.com/connectors/custom-connectors/policy-templates/<id>/<id>`, the overview
//! and expressions pages, and Microsoft's schema `paconn-apiProperties.schema.json` ("S-AP"),
//! as gathered in `spec/policy-templates.md`.

/// The prefix of every template parameter key.
pub(crate) const PARAM_PREFIX: &str = "x-ms-apimTemplateParameter.";
/// The key listing the operations an instance applies to (absent: every operation).
pub(crate) const OPERATION_NAME: &str = "x-ms-apimTemplate-operationName";
/// The key choosing the section (`Request`, `Response`, `Failure` for setheader).
pub(crate) const POLICY_SECTION: &str = "x-ms-apimTemplate-policySection";

/// The overview page of policy templates.
pub(crate) const OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates";
/// The expressions page.
pub(crate) const EXPRESSIONS_PAGE: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/expressions/expressions";

/// Where a policy runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub(crate) enum Section {
    /// On the request, before it is sent to the service.
    Request,
    /// On the service's response.
    Response,
    /// When the call fails (setheader only).
    Failure,
}

impl Section {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Section::Request => "Request",
            Section::Response => "Response",
            Section::Failure => "Failure",
        }
    }

    /// `Request`, `Response`, `Failure`, compared ignoring case (merged connectors write
    /// `request` too).
    pub(crate) fn parse(s: &str) -> Option<Section> {
        [Section::Request, Section::Response, Section::Failure]
            .into_iter()
            .find(|x| x.as_str().eq_ignore_ascii_case(s))
    }
}

/// What a parameter's value is, which decides how it is checked and evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text with request expressions: `@headers('x')`, `@queryParameters('x')`,
    /// `@connectionParameters('x')` (a header value, a URL template, a path).
    Request,
    /// The name of a header or query parameter the policy writes (no expressions).
    Name,
    /// A body path: `@body()`, `@body().a.b`, `@item().x`, or a bare relative path.
    BodyPath,
    /// A relative property path below a parent (`location`, `a.b`): no expressions.
    SubPath,
    /// setproperty's value: literal text (JSON when it parses as an array or object) with
    /// `{@body()…}` / `{@item()…}` interpolations.
    Value,
    /// Literal text, never an expression (a delimiter, a search string, a property name).
    Literal,
    /// One of [`Param::values`] (compared ignoring case).
    Enum,
    /// An object whose values are trigger expressions (pollingtrigger's `triggerConfig`).
    Object,
    /// pollingtrigger's data path: `@triggerBody()…`.
    TriggerPath,
}

/// One parameter of a template (its key is [`PARAM_PREFIX`] + `name`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Param {
    pub(crate) name: &'static str,
    pub(crate) required: bool,
    pub(crate) kind: Kind,
    /// The allowed values of an [`Kind::Enum`] (the first spelled as documented).
    pub(crate) values: &'static [&'static str],
    pub(crate) default: Option<&'static str>,
    /// What it means, one line (hover, completion, docs).
    pub(crate) doc: &'static str,
}

const fn p(name: &'static str, kind: Kind, doc: &'static str) -> Param {
    Param {
        name,
        required: true,
        kind,
        values: &[],
        default: None,
        doc,
    }
}

const fn opt(name: &'static str, kind: Kind, doc: &'static str) -> Param {
    Param {
        name,
        required: false,
        kind,
        values: &[],
        default: None,
        doc,
    }
}

const fn choice(
    name: &'static str,
    values: &'static [&'static str],
    default: Option<&'static str>,
    doc: &'static str,
) -> Param {
    Param {
        name,
        required: false,
        kind: Kind::Enum,
        values,
        default,
        doc,
    }
}

/// Whether an instance must say which operations it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Meaningful for every operation (a host, a header): may omit the operation list.
    AnyOperation,
    /// Bound to one operation's path or body shape (a route, a body rewrite, a trigger,
    /// paging): without `x-ms-apimTemplate-operationName` it rewrites every operation.
    NamedOperations,
}

/// A policy template.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Template {
    /// The id as documented (lower case).
    pub(crate) id: &'static str,
    /// Every spelling Microsoft's schema lists (the platform matches these).
    pub(crate) ids: &'static [&'static str],
    /// The page's title.
    pub(crate) name: &'static str,
    /// What it does, one sentence.
    pub(crate) summary: &'static str,
    /// Microsoft's page, when there is one.
    pub(crate) page: Option<&'static str>,
    /// Marked "Preview" on its page.
    pub(crate) preview: bool,
    /// Documented (page or schema); false for the three Microsoft-internal ids.
    pub(crate) documented: bool,
    pub(crate) params: &'static [Param],
    /// The sections `x-ms-apimTemplate-policySection` may name; empty: the template has no
    /// such key and runs on the request.
    pub(crate) sections: &'static [Section],
    pub(crate) scope: Scope,
}

impl Template {
    pub(crate) fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The parameter a key names (`x-ms-apimTemplateParameter.name`).
    pub(crate) fn param_for_key(&self, key: &str) -> Option<&'static Param> {
        key.strip_prefix(PARAM_PREFIX).and_then(|n| self.param(n))
    }

    /// Whether `id` is one of the spellings Microsoft's schema lists.
    pub(crate) fn spelled_as_listed(&self, id: &str) -> bool {
        self.ids.contains(&id)
    }

    /// The page to cite: its own, else the overview.
    pub(crate) fn citation(&self) -> &'static str {
        self.page.unwrap_or(OVERVIEW)
    }
}

const RR: &[Section] = &[Section::Request, Section::Response];
#[cfg(test)]
const PAGE: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/";

macro_rules! page {
    ($id:literal) => {
        Some(concat!(
            "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates/",
            $id,
            "/",
            $id
        ))
    };
}

const EXISTS: &[&str] = &["override", "skip", "append"];
const METHODS: &[&str] = &[
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    "HEAD",
    "@Request.OriginalHTTPMethod",
];

/// Every template, documented ones first (alphabetical), then the internal ones.
pub(crate) const TEMPLATES: &[Template] = &[
    Template {
        id: "convertarraytoobject",
        ids: &["convertarraytoobject", "ConvertArrayToObject"],
        name: "Convert array to object",
        summary: "Turns an array of objects into an object keyed by one property of each item.",
        page: page!("convertarraytoobject"),
        preview: true,
        documented: true,
        params: &[
            p(
                "propertyParentPath",
                Kind::BodyPath,
                "Path of the object holding the array (`@body()`, `@body().sets`).",
            ),
            opt(
                "propertySubPath",
                Kind::SubPath,
                "The array's path below the parent.",
            ),
            p(
                "keyWithinCollectionPath",
                Kind::SubPath,
                "The property of each item whose value becomes its key.",
            ),
            p(
                "newPropertyPath",
                Kind::BodyPath,
                "Where the object is written (relative to the parent, or `@body()…`).",
            ),
            choice(
                "retainKey",
                &["true", "false"],
                Some("true"),
                "Keep the key property inside each value.",
            ),
        ],
        sections: RR,
        scope: Scope::NamedOperations,
    },
    Template {
        id: "convertobjecttoarray",
        ids: &["convertobjecttoarray", "ConvertObjectToArray"],
        name: "Convert object to array",
        summary: "Turns an object's members into an array of {key, value} items.",
        page: page!("convertobjecttoarray"),
        preview: true,
        documented: true,
        params: &[
            p(
                "propertyParentPath",
                Kind::BodyPath,
                "Path of the object holding the object to convert.",
            ),
            opt(
                "propertySubPath",
                Kind::SubPath,
                "The object's path below the parent.",
            ),
            p(
                "newPropertyPath",
                Kind::BodyPath,
                "Where the array is written (relative to the parent, or `@body()…`).",
            ),
            Param {
                default: Some("key"),
                ..opt(
                    "keyName",
                    Kind::Literal,
                    "The property name of each item's key (default `key`).",
                )
            },
            Param {
                default: Some("value"),
                ..opt(
                    "valueName",
                    Kind::Literal,
                    "The property name of each item's value (default `value`).",
                )
            },
        ],
        sections: RR,
        scope: Scope::NamedOperations,
    },
    Template {
        id: "dynamichosturl",
        ids: &["dynamichosturl", "DynamicHostUrl", "dynamicHostUrl"],
        name: "Set host URL",
        summary: "Replaces the request's scheme, host and base path with a URL built from the connection.",
        page: page!("dynamichosturl"),
        preview: false,
        documented: true,
        params: &[p(
            "urlTemplate",
            Kind::Request,
            "The new host URL, e.g. `https://@connectionParameters('instance').contoso.com`.",
        )],
        sections: &[],
        scope: Scope::AnyOperation,
    },
    Template {
        id: "encodepropertyvalue",
        ids: &["encodepropertyvalue", "EncodePropertyValue"],
        name: "Encode property value",
        summary: "Encodes a body property's value (undocumented encoding; not simulated).",
        page: None,
        preview: false,
        documented: true,
        params: &[
            p(
                "propertyParentPath",
                Kind::BodyPath,
                "Path of the object holding the property.",
            ),
            opt(
                "propertySubPath",
                Kind::SubPath,
                "The property's path below the parent.",
            ),
            p(
                "newPropertyPath",
                Kind::BodyPath,
                "Where the encoded value is written.",
            ),
        ],
        sections: RR,
        scope: Scope::NamedOperations,
    },
    Template {
        id: "pollingtrigger",
        ids: &["pollingtrigger", "PollingTrigger"],
        name: "Polling trigger",
        summary: "Makes an operation a polling trigger: query values for the next poll come from the last result.",
        page: Some(
            "https://learn.microsoft.com/en-us/connectors/custom-connectors/create-polling-trigger",
        ),
        preview: false,
        documented: true,
        params: &[
            p(
                "triggerConfig",
                Kind::Object,
                "Query parameter name → value for the next poll (`@{triggerBody()…}`).",
            ),
            p(
                "triggerDataPath",
                Kind::TriggerPath,
                "Where the items are in the response (`@triggerBody().value`).",
            ),
        ],
        sections: &[],
        scope: Scope::NamedOperations,
    },
    Template {
        id: "routerequesttoendpoint",
        ids: &["routerequesttoendpoint", "RouteRequestToEndpoint"],
        name: "Route request",
        summary: "Sends the request to another path (below the base path), optionally with another method.",
        page: page!("routerequesttoendpoint"),
        preview: false,
        documented: true,
        params: &[
            p(
                "newPath",
                Kind::Request,
                "The new path; `{name}` is the operation's path parameter.",
            ),
            choice(
                "httpMethod",
                METHODS,
                Some("@Request.OriginalHTTPMethod"),
                "The method to use; `@Request.OriginalHTTPMethod` (or none) keeps the operation's.",
            ),
        ],
        sections: &[],
        scope: Scope::NamedOperations,
    },
    Template {
        id: "setheader",
        ids: &["setheader", "SetHeader", "setHeader"],
        name: "Set HTTP header",
        summary: "Sets a header of the request, the response, or the failure response.",
        page: page!("setheader"),
        preview: false,
        documented: true,
        params: &[
            p("name", Kind::Name, "The header's name."),
            p(
                "value",
                Kind::Request,
                "The header's value; may use `@headers('x')`, `@queryParameters('x')`, `@connectionParameters('x')`.",
            ),
            choice(
                "existsAction",
                EXISTS,
                Some("override"),
                "When the header exists: override (default) replaces it, skip keeps it, append adds a value.",
            ),
        ],
        sections: &[Section::Request, Section::Response, Section::Failure],
        scope: Scope::AnyOperation,
    },
    Template {
        id: "setproperty",
        ids: &["setproperty", "SetProperty"],
        name: "Set property",
        summary: "Sets a property in the request or response body.",
        page: page!("setproperty"),
        preview: true,
        documented: true,
        params: &[
            p(
                "newPropertyParentPathTemplate",
                Kind::BodyPath,
                "Path of the object that gets the property (`@body()`, `@body().people`).",
            ),
            p(
                "newPropertySubPathTemplate",
                Kind::SubPath,
                "The property's name (or path) below the parent.",
            ),
            p(
                "propertyValuePathTemplate",
                Kind::Value,
                "The value: text, JSON, or `{@body().x}` interpolations.",
            ),
        ],
        sections: RR,
        scope: Scope::NamedOperations,
    },
    Template {
        id: "setqueryparameter",
        ids: &[
            "setqueryparameter",
            "SetQueryParameter",
            "setQueryParameter",
        ],
        name: "Set query parameter",
        summary: "Sets a query parameter of the request.",
        page: page!("setqueryparameter"),
        preview: false,
        documented: true,
        params: &[
            p("name", Kind::Name, "The query parameter's name."),
            p(
                "value",
                Kind::Request,
                "Its value; may use `@headers('x')`, `@queryParameters('x')`, `@connectionParameters('x')`.",
            ),
            choice(
                "existsAction",
                EXISTS,
                Some("override"),
                "When the parameter exists: override (default), skip, or append.",
            ),
        ],
        sections: &[],
        scope: Scope::AnyOperation,
    },
    Template {
        id: "setvaluefromurl",
        ids: &["setvaluefromurl", "SetValueFromUrl"],
        name: "Set value from URL",
        summary: "Calls another URL and copies a value of its answer into the request (not simulated: connkit never sends).",
        page: None,
        preview: false,
        documented: true,
        params: &[
            p(
                "parameterTemplate",
                Kind::Request,
                "What receives the value (`@headers('Authorization')`).",
            ),
            p(
                "parameterValueUrl",
                Kind::Request,
                "The URL to call (relative to the host).",
            ),
            p(
                "parameterValuePathTemplate",
                Kind::BodyPath,
                "Where the value is in that answer (`@body().access_token`).",
            ),
            choice(
                "httpMethod",
                &["GET", "POST", "PUT"],
                Some("GET"),
                "The method of that call.",
            ),
        ],
        sections: RR,
        scope: Scope::AnyOperation,
    },
    Template {
        id: "stringreplace",
        ids: &["stringreplace", "StringReplace"],
        name: "String replace",
        summary: "Replaces text in a body property's value.",
        page: None,
        preview: false,
        documented: true,
        params: &[
            p(
                "propertyParentPath",
                Kind::BodyPath,
                "Path of the object holding the property.",
            ),
            opt(
                "propertySubPath",
                Kind::SubPath,
                "The property's path below the parent.",
            ),
            p("sourceString", Kind::Literal, "The text to find (literal)."),
            p(
                "replacementString",
                Kind::Literal,
                "The text that replaces it (literal).",
            ),
            p(
                "newPropertyPath",
                Kind::BodyPath,
                "Where the result is written.",
            ),
        ],
        sections: RR,
        scope: Scope::NamedOperations,
    },
    Template {
        id: "stringtoarray",
        ids: &["stringtoarray", "StringToArray"],
        name: "String to array",
        summary: "Splits a body property's text into an array of objects.",
        page: page!("stringtoarray"),
        preview: true,
        documented: true,
        params: &[
            p(
                "propertyParentPath",
                Kind::BodyPath,
                "Path of the object holding the property.",
            ),
            opt(
                "propertySubPath",
                Kind::SubPath,
                "The property's path below the parent.",
            ),
            p(
                "delimiterList",
                Kind::Literal,
                "The delimiter characters (each one splits).",
            ),
            p(
                "childPropertyName",
                Kind::Literal,
                "The property name of each item.",
            ),
            p(
                "newPropertyPath",
                Kind::BodyPath,
                "Where the array is written.",
            ),
        ],
        sections: RR,
        scope: Scope::NamedOperations,
    },
    Template {
        id: "updatenextlink",
        ids: &["updatenextlink"],
        name: "Update next link",
        summary: "Rewrites a paged response's next link so the platform can follow it (undocumented rewrite; shown, not simulated).",
        page: None,
        preview: false,
        documented: true,
        params: &[
            p(
                "nextLinkPropertyName",
                Kind::Literal,
                "The response property holding the next link (`@odata.nextLink`, `nextLink`).",
            ),
            opt(
                "nextLinkParentPropertyPath",
                Kind::Literal,
                "The object holding it, when not the body itself.",
            ),
        ],
        sections: &[],
        scope: Scope::NamedOperations,
    },
    // Seen in merged certified connectors, on no page and not in Microsoft's schema.
    Template {
        id: "dynamicsubdomain",
        ids: &["dynamicsubdomain"],
        name: "Dynamic subdomain (internal)",
        summary: "Microsoft-internal; undocumented.",
        page: None,
        preview: false,
        documented: false,
        params: &[],
        sections: &[],
        scope: Scope::AnyOperation,
    },
    Template {
        id: "moveproperties",
        ids: &["moveproperties"],
        name: "Move properties (internal)",
        summary: "Microsoft-internal; undocumented.",
        page: None,
        preview: false,
        documented: false,
        params: &[],
        sections: &[],
        scope: Scope::AnyOperation,
    },
    Template {
        id: "setconnectionstatustounauthenticated",
        ids: &["setconnectionstatustounauthenticated"],
        name: "Set connection status to unauthenticated (internal)",
        summary: "Microsoft-internal; undocumented.",
        page: None,
        preview: false,
        documented: false,
        params: &[],
        sections: &[],
        scope: Scope::AnyOperation,
    },
];

/// The template an id names, compared ignoring ASCII case (documented and internal ones).
pub(crate) fn find(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id.eq_ignore_ascii_case(id))
}

/// The documented templates.
pub(crate) fn documented() -> impl Iterator<Item = &'static Template> {
    TEMPLATES.iter().filter(|t| t.documented)
}

/// The page prefix every per-template page starts with.
#[cfg(test)]
const PAGE_PREFIX: &str = PAGE;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_its_ids_and_documented_pages_follow_the_pattern() {
        for t in TEMPLATES {
            assert!(t.ids.contains(&t.id), "{}", t.id);
            assert!(t.ids.iter().all(|i| i.eq_ignore_ascii_case(t.id)));
            if let Some(page) = t.page
                && page.starts_with(PAGE_PREFIX)
            {
                assert_eq!(page, format!("{PAGE_PREFIX}{0}/{0}", t.id));
            }
            for p in t.params {
                assert_eq!(p.kind == Kind::Enum, !p.values.is_empty(), "{}", p.name);
                if let Some(d) = p.default
                    && p.kind == Kind::Enum
                {
                    assert!(p.values.contains(&d), "{}.{}", t.id, p.name);
                }
            }
        }
        assert_eq!(documented().count(), 13);
        assert_eq!(find("SETHEADER").map(|t| t.id), Some("setheader"));
        assert!(find("setHeader").unwrap().spelled_as_listed("setHeader"));
        assert!(
            !find("SetProperty")
                .unwrap()
                .spelled_as_listed("setProperty")
        );
        assert_eq!(Section::parse("response"), Some(Section::Response));
    }
}
