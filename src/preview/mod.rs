//! What the Power Automate designer shows of a connector: the header, the connection dialog,
//! one card per visible action and trigger with its inputs as the designer lays them out and
//! the dynamic content it offers. A pure function of the loaded connector ([`build`]); the
//! HTML page (`report::preview`) and the language server's hover (`lsp::hover`) render it.
//!
//! Everything is read through [`crate::model`]: operations and effective parameters from
//! [`Swagger`], `$ref`s with its resolver, properties (with `allOf`) with
//! [`Swagger::properties`]. Strings are kept as the connector wrote them; renderers escape.
//!
//! Bounded on hostile input: nesting stops at [`MAX_DEPTH`], a card lists at most
//! [`MAX_INPUTS_PER_CARD`] inputs and outputs each, the page at most [`MAX_NODES`] in all
//! (a schema that uses another twice per level would otherwise double at every level); what
//! is left out is counted on the card.

use serde_json::Value;

use crate::model::Connector;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, Swagger};

/// Deepest body or response nesting shown.
pub(crate) const MAX_DEPTH: usize = 8;
/// Inputs (or outputs) listed per card at most.
pub(crate) const MAX_INPUTS_PER_CARD: usize = 2_000;
/// Inputs and outputs listed on the whole page at most.
pub(crate) const MAX_NODES: usize = 100_000;

/// The whole preview.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// `info.title` (else the folder name).
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) version: Option<String>,
    pub(crate) publisher: Option<String>,
    /// The exact bytes of icon.png, when there is one.
    pub(crate) icon: Option<Vec<u8>>,
    /// `iconBrandColor` as written.
    pub(crate) brand_color: Option<String>,
    /// Contact, terms and documentation links from `info` / `externalDocs` (text, URL): only
    /// http(s) and mailto URLs, exactly as written in the definition.
    pub(crate) links: Vec<(String, String)>,
    /// `info.contact.email`.
    pub(crate) email: Option<String>,
    pub(crate) connection: ConnectionDialog,
    pub cards: Vec<Card>,
    /// Inputs and outputs left out because the page reached [`MAX_NODES`].
    pub(crate) truncated: usize,
}

/// The dialog shown when a maker creates a connection.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConnectionDialog {
    /// `connectionParameters` (no parameter sets).
    pub(crate) parameters: Vec<ConnectionParameter>,
    /// `connectionParameterSets`: the maker first picks one of these.
    pub(crate) sets: Option<ParameterSets>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ParameterSets {
    /// `uiDefinition.displayName` of the choice (e.g. "Authentication type").
    pub(crate) label: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) sets: Vec<ParameterSet>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ParameterSet {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) description: Option<String>,
    pub(crate) parameters: Vec<ConnectionParameter>,
}

/// One visible connection parameter (hidden ones are not listed).
#[derive(Debug, Clone, Default)]
pub(crate) struct ConnectionParameter {
    pub(crate) name: String,
    /// `uiDefinition.displayName`, else the name.
    pub(crate) label: String,
    pub(crate) description: Option<String>,
    pub(crate) tooltip: Option<String>,
    /// `type`: string, securestring, oauthSetting, bool, int, gatewaySetting…
    pub(crate) kind: String,
    /// `constraints.required` is "true".
    pub(crate) required: bool,
    pub(crate) secure: bool,
    /// `oAuthSettings.identityProvider` for an oauthSetting parameter.
    pub(crate) identity_provider: Option<String>,
    pub(crate) scopes: Vec<String>,
    /// `constraints.allowedValues` (value, text).
    pub(crate) allowed_values: Vec<DropdownOption>,
    pub(crate) default: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Action,
    Trigger,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Action => "action",
            Kind::Trigger => "trigger",
        }
    }
}

/// `x-ms-visibility` of an input or output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Visibility {
    Important,
    Advanced,
    /// Absent, empty or another value.
    None,
}

impl Visibility {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Visibility::Important => "important",
            Visibility::Advanced => "advanced",
            Visibility::None => "none",
        }
    }
}

/// `Some(visibility)` for what the designer shows, `None` for `internal` (absent).
fn visibility(v: &Value) -> Option<Visibility> {
    match v.get("x-ms-visibility").and_then(Value::as_str) {
        Some("internal") => None,
        Some("important") => Some(Visibility::Important),
        Some("advanced") => Some(Visibility::Advanced),
        _ => Some(Visibility::None),
    }
}

/// One action or trigger card.
#[derive(Debug, Clone)]
pub struct Card {
    /// The operationId, else `METHOD /path`.
    pub(crate) id: String,
    pub(crate) kind: Kind,
    /// The summary, else the id.
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) deprecated: bool,
    pub(crate) method: &'static str,
    pub(crate) path: String,
    /// `x-ms-trigger` (`batch`, `single`) for triggers.
    pub(crate) trigger: Option<String>,
    /// The trigger's path item declares `x-ms-notification-content` (a webhook).
    pub(crate) webhook: bool,
    /// Where the operation is written (`/paths/~1x/get`).
    pub(crate) pointer: String,
    /// Where what the card shows is written besides `pointer`: shared parameters
    /// (`/parameters/X`), for putting findings on the card.
    pub(crate) sources: Vec<String>,
    pub(crate) inputs: Vec<InputNode>,
    /// `x-ms-dynamic-schema` of the body: its fields come from this operation.
    pub(crate) dynamic_schema: Option<String>,
    /// Dynamic content from the 2xx response schema.
    pub(crate) outputs: Vec<Output>,
    /// A 2xx response whose schema has no properties (the designer offers "Body").
    pub(crate) whole_body_output: bool,
    /// Dynamic content of a webhook's callback (`x-ms-notification-content`).
    pub(crate) notification_outputs: Vec<Output>,
    /// Inputs and outputs not listed (card or page limit).
    pub(crate) truncated: usize,
    /// Lint findings about this operation (filled by the session that linted it).
    pub(crate) findings: Vec<CardFinding>,
}

/// A lint finding shown on a card.
#[derive(Debug, Clone)]
pub(crate) struct CardFinding {
    pub(crate) code: String,
    pub(crate) severity: String,
    pub(crate) message: String,
    pub(crate) line: usize,
}

/// An input, or a group of inputs (a nested body object the designer flattens).
#[derive(Debug, Clone)]
pub(crate) enum InputNode {
    Input(Input),
    Group(Group),
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// `body/address`
    pub(crate) key: String,
    pub(crate) label: String,
    pub(crate) description: Option<String>,
    pub(crate) children: Vec<InputNode>,
}

#[derive(Debug, Clone)]
pub(crate) struct Input {
    /// The parameter name, or `body/prop[/sub…]` for body properties.
    pub(crate) key: String,
    /// `x-ms-summary`, else the name.
    pub(crate) label: String,
    pub(crate) description: Option<String>,
    pub(crate) visibility: Visibility,
    pub(crate) required: bool,
    /// `path`, `query`, `header`, `formData`, `body`.
    pub(crate) location: String,
    /// `type` (and `format`) as written, e.g. `string (date-time)`.
    pub(crate) type_name: Option<String>,
    pub(crate) default: Option<String>,
    pub(crate) options: Vec<DropdownOption>,
    pub(crate) dynamic: Option<Dynamic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DropdownOption {
    /// The enum value: a string as it is, other JSON in JSON notation.
    pub(crate) value: String,
    /// `x-ms-enum-values` displayName, else the value.
    pub(crate) text: String,
}

/// A dropdown filled by calling another operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dynamic {
    pub(crate) operation_id: String,
    /// `x-ms-dynamic-values` or `x-ms-dynamic-list`.
    pub(crate) extension: &'static str,
}

/// One item of dynamic content.
#[derive(Debug, Clone)]
pub(crate) struct Output {
    /// Property path joined by `/` (array levels are not in the path).
    pub(crate) path: String,
    pub(crate) label: String,
    pub(crate) description: Option<String>,
    pub(crate) advanced: bool,
}

/// Build the preview of a connector. Never fails: whatever is missing or malformed is
/// simply not shown.
pub(crate) fn build(c: &Connector) -> Preview {
    let def = c.definition_value();
    let props = c
        .properties_value()
        .and_then(|p| p.get("properties"))
        .filter(|p| p.is_object());
    let info = def.and_then(|d| d.get("info"));
    let folder = c
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "connector".into());
    let mut p = Preview {
        title: str_of(info, "title").unwrap_or(folder),
        description: str_of(info, "description"),
        version: str_of(info, "version"),
        publisher: str_of(props, "publisher"),
        icon: c
            .icon
            .as_ref()
            .filter(|i| !i.bytes.is_empty())
            .map(|i| i.bytes.clone()),
        brand_color: str_of(props, "iconBrandColor"),
        links: links(def),
        email: str_of(info.and_then(|i| i.get("contact")), "email"),
        connection: connection_dialog(props),
        ..Default::default()
    };
    if let Some(root) = def {
        let sw = Swagger::new(root);
        let mut budget = Budget {
            page: MAX_NODES,
            card: 0,
            dropped: 0,
        };
        for op in ordered(&sw) {
            if op.is_internal() {
                continue;
            }
            budget.card = MAX_INPUTS_PER_CARD;
            budget.dropped = 0;
            let mut card = card(&sw, op, &mut budget);
            card.truncated = budget.dropped;
            p.truncated += budget.dropped;
            p.cards.push(card);
        }
    }
    p
}

/// A string field of an optional object (non-empty).
fn str_of(v: Option<&Value>, key: &str) -> Option<String> {
    v?.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

/// The operations in file order: paths as written, and methods as written within a path
/// (the model lists methods in Swagger's order).
fn ordered<'s, 'a>(sw: &'s Swagger<'a>) -> Vec<&'s Operation<'a>> {
    let mut ops: Vec<(usize, &Operation<'a>)> = sw
        .operations
        .iter()
        .map(|o| {
            let at = o
                .path_item
                .as_object()
                .and_then(|m| m.keys().position(|k| k == o.method))
                .unwrap_or(usize::MAX);
            (at, o)
        })
        .collect();
    // Stable: operations of one path are adjacent, so sorting by (path position, key
    // position) only reorders within a path.
    let mut path_index = 0usize;
    let mut last: Option<&str> = None;
    let mut keyed: Vec<(usize, usize, &Operation<'a>)> = Vec::with_capacity(ops.len());
    for (at, o) in ops.drain(..) {
        if last != Some(o.path_pointer.as_str()) {
            path_index += 1;
            last = Some(o.path_pointer.as_str());
        }
        keyed.push((path_index, at, o));
    }
    keyed.sort_by_key(|(p, at, _)| (*p, *at));
    keyed.into_iter().map(|(_, _, o)| o).collect()
}

/// Links the page may show: http(s) and mailto URLs from `info.contact`, `info.termsOfService`,
/// `info.license` and `externalDocs`.
fn links(def: Option<&Value>) -> Vec<(String, String)> {
    let Some(d) = def else { return Vec::new() };
    let info = d.get("info");
    let contact = info.and_then(|i| i.get("contact"));
    let mut out = Vec::new();
    let mut add = |text: &str, url: Option<String>| {
        if let Some(u) = url.filter(|u| is_link(u)) {
            out.push((text.to_string(), u));
        }
    };
    add("Contact", str_of(contact, "url"));
    // A link only to a URL written in the files: an address is a link when it is written as
    // a `mailto:` URL (the page shows the contact email as text otherwise).
    add(
        "Email",
        str_of(contact, "email").filter(|e| e.starts_with("mailto:")),
    );
    add("Terms of service", str_of(info, "termsOfService"));
    add(
        "License",
        str_of(info.and_then(|i| i.get("license")), "url"),
    );
    add("Documentation", str_of(d.get("externalDocs"), "url"));
    out
}

/// A URL the page may link to: http(s) or mailto, no whitespace or control character.
pub(crate) fn is_link(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && u.len() < 2_000
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
        && !u.contains(['"', '\'', '<', '>', '\\'])
}

fn connection_dialog(props: Option<&Value>) -> ConnectionDialog {
    let mut d = ConnectionDialog {
        parameters: connection_parameters(props.and_then(|p| p.get("connectionParameters"))),
        sets: None,
    };
    if let Some(sets) = props.and_then(|p| p.get("connectionParameterSets")) {
        let ui = sets.get("uiDefinition");
        d.sets = Some(ParameterSets {
            label: str_of(ui, "displayName"),
            description: str_of(ui, "description"),
            sets: sets
                .get("values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|s| {
                    let name = str_of(Some(s), "name").unwrap_or_default();
                    let ui = s.get("uiDefinition");
                    ParameterSet {
                        label: str_of(ui, "displayName").unwrap_or_else(|| name.clone()),
                        description: str_of(ui, "description"),
                        parameters: connection_parameters(s.get("parameters")),
                        name,
                    }
                })
                .collect(),
        });
    }
    d
}

fn connection_parameters(map: Option<&Value>) -> Vec<ConnectionParameter> {
    let Some(map) = map.and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, p) in map {
        let ui = p.get("uiDefinition");
        let constraints = ui.and_then(|u| u.get("constraints"));
        let flag =
            |k: &str| constraints.and_then(|c| c.get(k)).and_then(Value::as_str) == Some("true");
        if flag("hidden") {
            continue;
        }
        let kind = str_of(Some(p), "type").unwrap_or_else(|| "string".into());
        let oauth = p.get("oAuthSettings");
        out.push(ConnectionParameter {
            name: name.clone(),
            label: str_of(ui, "displayName").unwrap_or_else(|| name.clone()),
            description: str_of(ui, "description"),
            tooltip: str_of(ui, "tooltip"),
            required: flag("required"),
            secure: kind.eq_ignore_ascii_case("securestring"),
            identity_provider: str_of(oauth, "identityProvider"),
            scopes: oauth
                .and_then(|o| o.get("scopes"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            allowed_values: constraints
                .and_then(|c| c.get("allowedValues"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|a| {
                    let value = a.get("value").map(scalar_text).unwrap_or_default();
                    DropdownOption {
                        text: str_of(Some(a), "text").unwrap_or_else(|| value.clone()),
                        value,
                    }
                })
                .collect(),
            default: p.get("defaultValue").map(scalar_text),
            kind,
        });
    }
    out
}

/// A JSON value as a dropdown value or default: strings as they are, the rest as JSON.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What is left to list on the page and on the current card.
struct Budget {
    page: usize,
    card: usize,
    dropped: usize,
}

impl Budget {
    /// Whether nothing more can be listed on this card: the rest of a list is then counted
    /// (`left` items) instead of walked, so a schema of thousands of properties that each
    /// hold thousands more stops at the limit instead of visiting every pair.
    fn spent(&mut self, left: usize) -> bool {
        if self.page == 0 || self.card == 0 {
            self.dropped += left;
            return true;
        }
        false
    }

    /// Take one node; false (and counted) when a limit is reached.
    fn take(&mut self) -> bool {
        if self.page == 0 || self.card == 0 {
            self.dropped += 1;
            return false;
        }
        self.page -= 1;
        self.card -= 1;
        true
    }
}

fn card<'a>(sw: &Swagger<'a>, op: &Operation<'a>, budget: &mut Budget) -> Card {
    let v = op.value;
    let id = op.label();
    let title = str_of(Some(v), "summary").unwrap_or_else(|| id.clone());
    let mut c = Card {
        kind: if op.is_trigger() {
            Kind::Trigger
        } else {
            Kind::Action
        },
        title,
        description: str_of(Some(v), "description"),
        deprecated: op.is_deprecated(),
        method: op.method,
        path: op.path.to_string(),
        trigger: v.get("x-ms-trigger").map(scalar_text),
        webhook: op.has_notification_content(),
        pointer: op.pointer.clone(),
        sources: Vec::new(),
        inputs: Vec::new(),
        dynamic_schema: None,
        outputs: Vec::new(),
        whole_body_output: false,
        notification_outputs: Vec::new(),
        truncated: 0,
        findings: Vec::new(),
        id,
    };
    let mut keys = foldhash::HashSet::default();
    for p in &op.params {
        if p.ref_error.is_some() || !p.value.is_object() {
            continue;
        }
        if p.target != p.pointer {
            c.sources.push(p.target.clone());
        }
        let Some(vis) = visibility(p.value) else {
            continue;
        };
        let Some(name) = p.name else { continue };
        let location = p.location.unwrap_or("query");
        if location == "body" {
            body_inputs(sw, p, name, vis, budget, &mut keys, &mut c);
            continue;
        }
        if !keys.insert(name.to_string()) || !budget.take() {
            continue;
        }
        c.inputs.push(InputNode::Input(input(
            p.value,
            name.to_string(),
            name,
            vis,
            p.is_required(),
            location,
        )));
    }
    outputs(sw, op, budget, &mut c);
    c
}

/// A body parameter: one input per property (nested objects as groups), or one input for
/// a body without properties.
fn body_inputs<'a>(
    sw: &Swagger<'a>,
    p: &crate::model::swagger::Param<'a>,
    name: &str,
    vis: Visibility,
    budget: &mut Budget,
    keys: &mut foldhash::HashSet<String>,
    c: &mut Card,
) {
    let schema_at = join(&p.target, "schema");
    let schema = p.get("schema");
    let resolved = schema.map(|s| sw.resolve_or_self(s, &schema_at));
    if let Some((s, _)) = resolved {
        c.dynamic_schema = s
            .get("x-ms-dynamic-schema")
            .and_then(|d| d.get("operationId"))
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    let props = match (schema, &resolved) {
        (Some(s), Some(_)) => sw.properties(s, &schema_at),
        _ => Vec::new(),
    };
    if props.is_empty() {
        if keys.insert(name.to_string()) && budget.take() {
            let mut i = input(
                p.value,
                name.to_string(),
                name,
                vis,
                p.is_required(),
                "body",
            );
            if let Some((s, _)) = resolved {
                fill_from_schema(&mut i, s);
            }
            c.inputs.push(InputNode::Input(i));
        }
        return;
    }
    let mut stack = vec![schema_at];
    let nodes = property_inputs(
        sw,
        &props,
        name,
        p.is_required(),
        1,
        &mut stack,
        budget,
        keys,
    );
    c.inputs.extend(nodes);
}

/// Inputs for the properties of an object below `prefix` (`body`, `body/address`…).
#[allow(clippy::too_many_arguments)]
fn property_inputs<'a>(
    sw: &Swagger<'a>,
    props: &[crate::model::swagger::Property<'a>],
    prefix: &str,
    body_required: bool,
    depth: usize,
    stack: &mut Vec<String>,
    budget: &mut Budget,
    keys: &mut foldhash::HashSet<String>,
) -> Vec<InputNode> {
    let mut out = Vec::new();
    for (i, prop) in props.iter().enumerate() {
        if budget.spent(props.len() - i) {
            break;
        }
        let Some(vis) = visibility(prop.schema) else {
            continue;
        };
        let key = format!("{prefix}/{}", prop.name);
        // Required: listed in its schema's `required` while the body parameter is required
        // (the designer marks nested required fields the same way).
        let required = body_required && prop.required;
        let is_object = prop.schema.get("items").is_none();
        let nested = if is_object && depth < MAX_DEPTH && !stack.contains(&prop.pointer) {
            sw.properties(prop.schema, &prop.pointer)
        } else {
            Vec::new()
        };
        if !nested.is_empty() {
            stack.push(prop.pointer.clone());
            let children = property_inputs(
                sw,
                &nested,
                &key,
                body_required,
                depth + 1,
                stack,
                budget,
                keys,
            );
            stack.pop();
            if !children.is_empty() {
                out.push(InputNode::Group(Group {
                    label: summary_or(prop.schema, prop.name),
                    description: str_of(Some(prop.schema), "description"),
                    children,
                    key,
                }));
            }
            continue;
        }
        if !keys.insert(key.clone()) || !budget.take() {
            continue;
        }
        let mut i = input(prop.schema, key, prop.name, vis, required, "body");
        fill_from_schema(&mut i, prop.schema);
        out.push(InputNode::Input(i));
    }
    out
}

/// `x-ms-summary`, else `name`.
fn summary_or(v: &Value, name: &str) -> String {
    str_of(Some(v), "x-ms-summary").unwrap_or_else(|| name.to_string())
}

/// An input from a parameter or property object (type, enum, dynamic values read from it).
fn input(
    v: &Value,
    key: String,
    name: &str,
    visibility: Visibility,
    required: bool,
    location: &str,
) -> Input {
    Input {
        label: summary_or(v, name),
        description: str_of(Some(v), "description"),
        visibility,
        required,
        location: location.to_string(),
        type_name: type_name(v),
        default: v.get("default").map(scalar_text),
        options: options(v),
        dynamic: dynamic(v),
        key,
    }
}

/// For a body input: what its schema says that the parameter object did not.
fn fill_from_schema(i: &mut Input, s: &Value) {
    if i.type_name.is_none() {
        i.type_name = type_name(s);
    }
    if i.options.is_empty() {
        i.options = options(s);
    }
    if i.dynamic.is_none() {
        i.dynamic = dynamic(s);
    }
    if i.default.is_none() {
        i.default = s.get("default").map(scalar_text);
    }
}

fn type_name(v: &Value) -> Option<String> {
    let t = v.get("type").and_then(Value::as_str)?;
    let t = if t == "array" {
        match v
            .get("items")
            .and_then(|i| i.get("type"))
            .and_then(Value::as_str)
        {
            Some(item) => format!("array of {item}"),
            None => "array".into(),
        }
    } else {
        t.to_string()
    };
    Some(match v.get("format").and_then(Value::as_str) {
        Some(f) => format!("{t} ({f})"),
        None => t,
    })
}

/// Dropdown options: `enum` (an array's `items.enum`), texts from `x-ms-enum-values`; or
/// `x-ms-enum-values` alone.
fn options(v: &Value) -> Vec<DropdownOption> {
    let list = |v: &Value, key: &str| v.get(key).and_then(Value::as_array).cloned();
    let items = v.get("items").filter(|i| i.is_object());
    let values = list(v, "x-ms-enum-values")
        .or_else(|| items.and_then(|i| list(i, "x-ms-enum-values")))
        .unwrap_or_default();
    let display = |value: &Value| {
        values
            .iter()
            .find(|e| e.get("value") == Some(value))
            .and_then(|e| e.get("displayName"))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if let Some(e) = list(v, "enum").or_else(|| items.and_then(|i| list(i, "enum"))) {
        return e
            .iter()
            .map(|x| DropdownOption {
                value: scalar_text(x),
                text: display(x).unwrap_or_else(|| scalar_text(x)),
            })
            .collect();
    }
    values
        .iter()
        .filter_map(|e| e.get("value"))
        .map(|x| DropdownOption {
            value: scalar_text(x),
            text: display(x).unwrap_or_else(|| scalar_text(x)),
        })
        .collect()
}

fn dynamic(v: &Value) -> Option<Dynamic> {
    ["x-ms-dynamic-values", "x-ms-dynamic-list"]
        .into_iter()
        .find_map(|ext| {
            let id = v.get(ext)?.get("operationId")?.as_str()?;
            Some(Dynamic {
                operation_id: id.to_string(),
                extension: ext,
            })
        })
}

fn outputs<'a>(sw: &Swagger<'a>, op: &Operation<'a>, budget: &mut Budget, c: &mut Card) {
    if let Some((s, at)) = sw.success_schema(op) {
        let mut stack = vec![at.clone()];
        let (list, whole) = output_list(sw, s, &at, &mut stack, budget);
        c.outputs = list;
        c.whole_body_output = whole;
    }
    if c.kind == Kind::Trigger
        && let Some(s) = op
            .path_item
            .get("x-ms-notification-content")
            .and_then(|n| n.get("schema"))
    {
        let at = join(
            &join(&op.path_pointer, "x-ms-notification-content"),
            "schema",
        );
        let (s, at) = sw.resolve_or_self(s, &at);
        let mut stack = vec![at.clone()];
        c.notification_outputs = output_list(sw, s, &at, &mut stack, budget).0;
    }
}

/// The outputs of a response schema, and whether it is a body without properties.
fn output_list<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    stack: &mut Vec<String>,
    budget: &mut Budget,
) -> (Vec<Output>, bool) {
    // An array response: the designer offers its items' properties (in an apply to each).
    let (s, at) = match s.get("items").filter(|i| i.is_object()) {
        Some(items) => sw.resolve_or_self(items, &join(at, "items")),
        None => (s, at.to_string()),
    };
    let mut out = Vec::new();
    output_props(sw, s, &at, "", 1, stack, budget, &mut out);
    let whole = out.is_empty();
    (out, whole)
}

#[allow(clippy::too_many_arguments)]
fn output_props<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    prefix: &str,
    depth: usize,
    stack: &mut Vec<String>,
    budget: &mut Budget,
    out: &mut Vec<Output>,
) {
    let props = sw.properties(s, at);
    for (i, prop) in props.iter().enumerate() {
        if budget.spent(props.len() - i) {
            break;
        }
        if prop.schema.get("x-ms-visibility").and_then(Value::as_str) == Some("internal") {
            continue;
        }
        let path = if prefix.is_empty() {
            prop.name.to_string()
        } else {
            format!("{prefix}/{}", prop.name)
        };
        // Objects offer their properties; arrays offer themselves and their items' properties.
        let (inner, inner_at) = match prop.schema.get("items").filter(|i| i.is_object()) {
            Some(items) => sw.resolve_or_self(items, &join(&prop.pointer, "items")),
            None => (prop.schema, prop.pointer.clone()),
        };
        let is_array = prop.schema.get("items").is_some();
        let expands = depth < MAX_DEPTH
            && !stack.contains(&inner_at)
            && !sw.properties(inner, &inner_at).is_empty();
        if !expands || is_array {
            if !budget.take() {
                continue;
            }
            out.push(Output {
                label: summary_or(prop.schema, prop.name),
                description: str_of(Some(prop.schema), "description"),
                advanced: prop.schema.get("x-ms-visibility").and_then(Value::as_str)
                    == Some("advanced"),
                path: path.clone(),
            });
        }
        if expands {
            stack.push(inner_at.clone());
            output_props(sw, inner, &inner_at, &path, depth + 1, stack, budget, out);
            stack.pop();
        }
    }
}

/// Put lint findings on the cards they concern: a finding in the definition whose pointer
/// is at or below a card's operation (or a shared parameter it uses). Findings elsewhere
/// are left for the caller.
pub(crate) fn attach_findings(
    p: &mut Preview,
    definition_file: &str,
    findings: &[crate::rules::Finding],
) {
    for f in findings {
        if f.file != definition_file {
            continue;
        }
        let under = |base: &str| {
            f.pointer == base
                || (f.pointer.starts_with(base)
                    && f.pointer.as_bytes().get(base.len()) == Some(&b'/'))
        };
        for card in &mut p.cards {
            if under(&card.pointer) || card.sources.iter().any(|s| under(s)) {
                card.findings.push(CardFinding {
                    code: f.code.to_string(),
                    severity: f.severity.as_str().to_string(),
                    message: f.message.clone(),
                    line: f.line,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;
