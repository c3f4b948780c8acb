//! `connkit preview`: the designer preview as one self-contained HTML page, and one card
//! as Markdown (the language server's hover).
//!
//! The page's contract is `spec/preview-markup.md`: every element closed explicitly and
//! properly nested, the testable `data-*` attributes, no external resource (inline CSS, the
//! icon as a `data:` URI, links only to `#…` or to the connector's own http(s)/mailto URLs),
//! no script at all (a Content-Security-Policy says so too), and every connector text through
//! `safe::html` (Markdown through `safe::markdown`).

use std::fmt::Write as _;

use base64::Engine as _;

use crate::preview::{
    Card, ConnectionParameter, DropdownOption, Input, InputNode, Kind, Output, Preview, Visibility,
};
use crate::safe;

/// The brand colour used when `iconBrandColor` is missing or not a hex colour.
const DEFAULT_BRAND: &str = "#0f6cbd";

/// `#rgb` or `#rrggbb`: the only colours written into CSS (anything else could escape the
/// declaration).
fn hex_colour(s: &str) -> Option<&str> {
    let h = s.trim();
    let digits = h.strip_prefix('#')?;
    ((digits.len() == 3 || digits.len() == 6) && digits.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(h)
}

/// Black or white text, whichever reads better on `hex` (relative luminance).
fn text_on(hex: &str) -> &'static str {
    let d = hex.trim_start_matches('#');
    let expand: String = if d.len() == 3 {
        d.chars().flat_map(|c| [c, c]).collect()
    } else {
        d.to_string()
    };
    let ch = |i: usize| u8::from_str_radix(&expand[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
    let lin = |c: f64| {
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(ch(0)) + 0.7152 * lin(ch(2)) + 0.0722 * lin(ch(4));
    if l > 0.4 { "#1b1b1b" } else { "#ffffff" }
}

const CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 "Segoe UI",system-ui,-apple-system,sans-serif;background:#f3f2f1;color:#242424}
header.connector{display:flex;gap:16px;align-items:flex-start;padding:20px 28px;background:#fff;border-bottom:1px solid #e1dfdd}
.icon{flex:none;width:64px;height:64px;border-radius:6px;display:flex;align-items:center;justify-content:center;overflow:hidden}
.icon img{width:48px;height:48px;object-fit:contain}
.icon .placeholder{font-size:28px;font-weight:600}
h1{margin:0 0 2px;font-size:22px;font-weight:600}
h2{font-size:16px;font-weight:600;margin:24px 0 10px}
.meta,.op,.hint,.type{color:#616161;font-size:12px}
.description{margin:6px 0 0;max-width:900px}
.description,.desc,.hint{white-space:pre-line}
.links a{margin-right:12px;color:#0f6cbd}
main{padding:0 28px 28px;max-width:1100px}
.dialog,.card{background:#fff;border:1px solid #e1dfdd;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.dialog{padding:14px 16px;max-width:560px}
.card{margin:0 0 14px;max-width:760px;overflow:hidden}
.card-head{display:flex;align-items:center;gap:10px;padding:8px 12px}
.card-head img,.card-head .mini{width:22px;height:22px;border-radius:3px;flex:none}
.card-head h3{margin:0;font-size:14px;font-weight:600;flex:1}
.badge{font-size:11px;padding:1px 6px;border-radius:8px;background:rgba(255,255,255,.85);color:#242424}
.badge.deprecated{background:#fde7e9;color:#a4262c}
.card-body{padding:10px 14px 12px}
.desc{margin:0 0 6px}
.input,.param{display:grid;grid-template-columns:180px 1fr;gap:2px 10px;align-items:center;padding:5px 0;border-top:1px solid #f3f2f1}
.input .hint,.param .hint{grid-column:2}
.label{font-weight:600;font-size:13px;overflow-wrap:anywhere}
.req{color:#a4262c;margin-left:2px}
.field,select,input{font:inherit;font-size:13px;border:1px solid #d1d1d1;border-radius:4px;padding:4px 8px;background:#fff;color:#616161;min-height:28px;width:100%}
.field{display:block}
.field.dynamic{border-style:dashed}
.field.signin{background:#0f6cbd;color:#fff;border-color:#0f6cbd;text-align:center;font-weight:600}
fieldset.group,fieldset.set{border:1px solid #edebe9;border-radius:4px;margin:6px 0;padding:2px 10px 6px}
legend{font-weight:600;font-size:12px;color:#424242;padding:0 4px}
details.advanced{margin-top:6px}
details.advanced summary{cursor:pointer;color:#0f6cbd;font-size:13px;padding:4px 0}
.outputs{margin-top:10px;border-top:1px solid #edebe9;padding-top:6px}
.outputs h4,.findings h4{margin:0 0 4px;font-size:12px;color:#616161;font-weight:600}
.outputs ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
.outputs li{background:#ebf3fc;color:#0f548c;border-radius:3px;padding:1px 8px;font-size:12px}
.outputs li.advanced{background:#f3f2f1;color:#616161}
.findings ul{margin:0;padding-left:18px;font-size:12px}
.findings .error{color:#a4262c}.findings .warning{color:#8a5a00}.findings .info{color:#424242}
code{font-family:Consolas,ui-monospace,monospace;font-size:12px}
footer{padding:12px 28px;color:#616161;font-size:12px}
"#;

/// The whole page.
pub fn render(p: &Preview) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let brand = p
        .brand_color
        .as_deref()
        .and_then(hex_colour)
        .unwrap_or(DEFAULT_BRAND);
    let on_brand = text_on(brand);
    let icon = p.icon.as_ref().map(|bytes| {
        format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    });
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No script, no remote anything: the page only ever needs its own CSS and data: images.
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(
        h,
        "<title>{} · connkit preview</title>",
        safe::html(&p.title)
    );
    let _ = writeln!(
        h,
        "<style>{CSS}.brand{{background-color:{brand};color:{on_brand}}}</style>\n</head>\n<body>"
    );
    header(&mut h, p, icon.as_deref());
    h.push_str("<main>\n");
    connection(&mut h, p);
    for (kind, heading) in [(Kind::Trigger, "Triggers"), (Kind::Action, "Actions")] {
        let cards: Vec<(usize, &Card)> = p
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == kind)
            .collect();
        if cards.is_empty() {
            continue;
        }
        let _ = writeln!(
            h,
            "<section class=\"{}s\" id=\"{}s\">\n<h2>{heading} ({})</h2>",
            kind.as_str(),
            kind.as_str(),
            cards.len()
        );
        for (i, c) in cards {
            card(&mut h, i, c, icon.as_deref());
        }
        h.push_str("</section>\n");
    }
    if p.cards.is_empty() {
        h.push_str("<p class=\"meta\">No visible action or trigger.</p>\n");
    }
    h.push_str("</main>\n<footer>");
    if p.truncated > 0 {
        let _ = write!(
            h,
            "{} inputs and outputs not shown (the page lists at most {}). ",
            p.truncated,
            crate::preview::MAX_NODES
        );
    }
    h.push_str("Preview generated by connkit: the designer's layout, drawn from the connector's files. </footer>\n</body>\n</html>\n");
    h
}

fn header(h: &mut String, p: &Preview, icon: Option<&str>) {
    h.push_str("<header class=\"connector\">\n<div class=\"icon brand\">");
    match icon {
        Some(src) => {
            let _ = write!(h, "<img src=\"{src}\" alt=\"icon\">");
        }
        None => {
            let initial: String = p
                .title
                .chars()
                .find(|c| c.is_alphanumeric())
                .into_iter()
                .collect();
            let _ = write!(
                h,
                "<span class=\"placeholder\" title=\"no icon.png\">{}</span>",
                safe::html(&initial)
            );
        }
    }
    h.push_str("</div>\n<div class=\"heading\">\n");
    let _ = writeln!(h, "<h1>{}</h1>", safe::html(&p.title));
    let mut meta = Vec::new();
    if let Some(publisher) = &p.publisher {
        meta.push(format!("by {}", safe::html(publisher)));
    }
    if let Some(v) = &p.version {
        meta.push(format!("version {}", safe::html(v)));
    }
    match p.brand_color.as_deref() {
        Some(c) if hex_colour(c).is_some() => meta.push(format!("brand colour {}", safe::html(c))),
        Some(c) => meta.push(format!(
            "iconBrandColor {} is not a hex colour",
            safe::html(c)
        )),
        None => meta.push("no iconBrandColor".into()),
    }
    let _ = writeln!(h, "<p class=\"meta\">{}</p>", meta.join(" · "));
    if let Some(d) = &p.description {
        let _ = writeln!(h, "<p class=\"description\">{}</p>", safe::html(d));
    }
    if !p.links.is_empty() || p.email.is_some() {
        h.push_str("<p class=\"links\">");
        for (text, url) in &p.links {
            let _ = write!(
                h,
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                safe::html(url),
                safe::html(text)
            );
        }
        if let Some(e) = p.email.as_deref().filter(|e| !e.starts_with("mailto:")) {
            let _ = write!(h, "<span class=\"meta\">{}</span>", safe::html(e));
        }
        h.push_str("</p>\n");
    }
    h.push_str("</div>\n</header>\n");
}

fn connection(h: &mut String, p: &Preview) {
    let d = &p.connection;
    h.push_str("<section class=\"connection\" id=\"connection\">\n<h2>Connection</h2>\n<div class=\"dialog\">\n");
    match &d.sets {
        Some(sets) => {
            let _ = writeln!(
                h,
                "<div class=\"param choice\"><span class=\"label\">{}</span><select disabled>{}</select>{}</div>",
                safe::html(sets.label.as_deref().unwrap_or("Authentication type")),
                sets.sets
                    .iter()
                    .map(|s| format!(
                        "<option value=\"{}\">{}</option>",
                        safe::html(&s.name),
                        safe::html(&s.label)
                    ))
                    .collect::<String>(),
                sets.description
                    .as_deref()
                    .map(|t| format!("<span class=\"hint\">{}</span>", safe::html(t)))
                    .unwrap_or_default()
            );
            for s in &sets.sets {
                let _ = writeln!(
                    h,
                    "<fieldset class=\"set\" data-parameter-set=\"{}\"><legend>{}</legend>",
                    safe::html(&s.name),
                    safe::html(&s.label)
                );
                if let Some(t) = &s.description {
                    let _ = writeln!(h, "<p class=\"hint\">{}</p>", safe::html(t));
                }
                for cp in &s.parameters {
                    connection_parameter(h, cp);
                }
                if s.parameters.is_empty() {
                    h.push_str("<p class=\"meta\">Nothing to fill in.</p>\n");
                }
                h.push_str("</fieldset>\n");
            }
        }
        None if d.parameters.is_empty() => {
            h.push_str("<p class=\"meta\">No connection parameters: makers create a connection without filling anything in.</p>\n");
        }
        None => {}
    }
    for cp in &d.parameters {
        connection_parameter(h, cp);
    }
    h.push_str("</div>\n</section>\n");
}

fn connection_parameter(h: &mut String, cp: &ConnectionParameter) {
    let title = cp.tooltip.as_deref().or(cp.description.as_deref());
    let _ = write!(
        h,
        "<div class=\"param\" data-connection-parameter=\"{}\" data-type=\"{}\"{}{}>",
        safe::html(&cp.name),
        safe::html(&cp.kind),
        if cp.required {
            " data-required=\"true\""
        } else {
            ""
        },
        title
            .map(|t| format!(" title=\"{}\"", safe::html(t)))
            .unwrap_or_default()
    );
    let _ = write!(
        h,
        "<span class=\"label\">{}{}</span>",
        safe::html(&cp.label),
        if cp.required {
            "<span class=\"req\">*</span>"
        } else {
            ""
        }
    );
    let kind = cp.kind.to_ascii_lowercase();
    if cp.secure {
        h.push_str("<input type=\"password\" disabled value=\"\" placeholder=\"••••••••\">");
    } else if kind == "oauthsetting" {
        let _ = write!(
            h,
            "<span class=\"field signin\">Sign in{}</span>",
            cp.identity_provider
                .as_deref()
                .map(|i| format!(" with {}", safe::html(i)))
                .unwrap_or_default()
        );
    } else if !cp.allowed_values.is_empty() {
        let _ = write!(
            h,
            "<select disabled>{}</select>",
            options(&cp.allowed_values, cp.default.as_deref())
        );
    } else if kind == "bool" {
        h.push_str("<input type=\"checkbox\" disabled>");
    } else {
        let _ = write!(
            h,
            "<span class=\"field\">{}</span>",
            cp.default.as_deref().map(safe::html).unwrap_or_default()
        );
    }
    if let Some(d) = &cp.description {
        let _ = write!(h, "<span class=\"hint\">{}</span>", safe::html(d));
    } else if let Some(t) = &cp.tooltip {
        let _ = write!(h, "<span class=\"hint\">{}</span>", safe::html(t));
    }
    if !cp.scopes.is_empty() {
        let _ = write!(
            h,
            "<span class=\"hint\">Scopes: {}</span>",
            safe::html(&cp.scopes.join(" "))
        );
    }
    h.push_str("</div>\n");
}

/// `<option>`s; the one whose value is `selected` (a default) is preselected.
fn options(list: &[DropdownOption], selected: Option<&str>) -> String {
    list.iter()
        .map(|o| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                safe::html(&o.value),
                if selected == Some(o.value.as_str()) {
                    " selected"
                } else {
                    ""
                },
                safe::html(&o.text)
            )
        })
        .collect()
}

fn card(h: &mut String, index: usize, c: &Card, icon: Option<&str>) {
    let _ = writeln!(
        h,
        "<article class=\"card\" id=\"op-{index}\" data-operation-id=\"{}\" data-kind=\"{}\"{}>",
        safe::html(&c.id),
        c.kind.as_str(),
        if c.deprecated {
            " data-deprecated=\"true\""
        } else {
            ""
        }
    );
    h.push_str("<div class=\"card-head brand\">");
    match icon {
        Some(src) => {
            let _ = write!(h, "<img src=\"{src}\" alt=\"\">");
        }
        None => h.push_str("<span class=\"mini\"></span>"),
    }
    let _ = write!(h, "<h3>{}</h3>", safe::html(&c.title));
    if c.deprecated {
        h.push_str("<span class=\"badge deprecated\">Deprecated</span>");
    }
    if c.kind == Kind::Trigger {
        let kind = if c.webhook { "webhook" } else { "polling" };
        let _ = write!(
            h,
            "<span class=\"badge\">{kind}{}</span>",
            c.trigger
                .as_deref()
                .map(|t| format!(" · {}", safe::html(t)))
                .unwrap_or_default()
        );
    }
    h.push_str("</div>\n<div class=\"card-body\">\n");
    if let Some(d) = &c.description {
        let _ = writeln!(h, "<p class=\"desc\">{}</p>", safe::html(d));
    }
    let _ = writeln!(
        h,
        "<p class=\"op\"><code>{} {}</code> · <code>{}</code></p>",
        c.method.to_ascii_uppercase(),
        safe::html(&c.path),
        safe::html(&c.id)
    );
    if let Some(op) = &c.dynamic_schema {
        let _ = writeln!(
            h,
            "<p class=\"hint\" data-dynamic-schema=\"{0}\">More fields appear once the inputs above are chosen (from <code>{0}</code>).</p>",
            safe::html(op)
        );
    }
    let main = nodes(&c.inputs, false);
    if !main.is_empty() {
        let _ = writeln!(h, "<div class=\"inputs\">\n{main}</div>");
    }
    let advanced = nodes(&c.inputs, true);
    if !advanced.is_empty() {
        let _ = writeln!(
            h,
            "<details class=\"advanced\" data-visibility=\"advanced\"><summary>Show advanced options</summary>\n{advanced}</details>"
        );
    }
    if c.inputs.is_empty() {
        h.push_str("<p class=\"meta\">No inputs.</p>\n");
    }
    if !c.outputs.is_empty() || c.whole_body_output {
        h.push_str("<div class=\"outputs\"><h4>Dynamic content</h4><ul>");
        if c.whole_body_output {
            h.push_str("<li class=\"whole\">Body</li>");
        }
        for o in &c.outputs {
            output(h, o, "data-output");
        }
        h.push_str("</ul></div>\n");
    }
    if !c.notification_outputs.is_empty() {
        h.push_str("<div class=\"outputs\"><h4>Dynamic content of each notification</h4><ul>");
        for o in &c.notification_outputs {
            output(h, o, "data-notification-output");
        }
        h.push_str("</ul></div>\n");
    }
    if c.truncated > 0 {
        let _ = writeln!(
            h,
            "<p class=\"meta\">{} more inputs and outputs not shown.</p>",
            c.truncated
        );
    }
    if !c.findings.is_empty() {
        h.push_str("<div class=\"findings\"><h4>connkit lint</h4><ul>");
        for f in &c.findings {
            let _ = write!(
                h,
                "<li class=\"{}\"><code>{}</code> {} (line {})</li>",
                safe::html(&f.severity),
                safe::html(&f.code),
                safe::html(&f.message),
                f.line
            );
        }
        h.push_str("</ul></div>\n");
    }
    h.push_str("</div>\n</article>\n");
}

fn output(h: &mut String, o: &Output, attr: &str) {
    let _ = write!(
        h,
        "<li class=\"output{}\" {attr}=\"{}\"{}>{}</li>",
        if o.advanced { " advanced" } else { "" },
        safe::html(&o.path),
        o.description
            .as_deref()
            .map(|d| format!(" title=\"{}\"", safe::html(d)))
            .unwrap_or_default(),
        safe::html(&o.label)
    );
}

/// Whether a node has an input in the section (`advanced` or not).
fn has_in(n: &InputNode, advanced: bool) -> bool {
    match n {
        InputNode::Input(i) => (i.visibility == Visibility::Advanced) == advanced,
        InputNode::Group(g) => g.children.iter().any(|c| has_in(c, advanced)),
    }
}

/// The inputs of one section (the main one or "Show advanced options"), groups kept around
/// the inputs they hold.
fn nodes(list: &[InputNode], advanced: bool) -> String {
    let mut h = String::new();
    for n in list.iter().filter(|n| has_in(n, advanced)) {
        match n {
            InputNode::Input(i) => input(&mut h, i),
            InputNode::Group(g) => {
                let _ = writeln!(
                    h,
                    "<fieldset class=\"group\" data-group=\"{}\"{}><legend>{}</legend>",
                    safe::html(&g.key),
                    g.description
                        .as_deref()
                        .map(|d| format!(" title=\"{}\"", safe::html(d)))
                        .unwrap_or_default(),
                    safe::html(&g.label)
                );
                h.push_str(&nodes(&g.children, advanced));
                h.push_str("</fieldset>\n");
            }
        }
    }
    h
}

fn input(h: &mut String, i: &Input) {
    let _ = write!(
        h,
        "<div class=\"input\" data-input=\"{}\" data-visibility=\"{}\"{}{}{}>",
        safe::html(&i.key),
        i.visibility.as_str(),
        if i.required {
            " data-required=\"true\""
        } else {
            ""
        },
        i.dynamic
            .as_ref()
            .map(|d| format!(" data-dynamic-values=\"{}\"", safe::html(&d.operation_id)))
            .unwrap_or_default(),
        i.description
            .as_deref()
            .map(|d| format!(" title=\"{}\"", safe::html(d)))
            .unwrap_or_default()
    );
    let _ = write!(
        h,
        "<span class=\"label\">{}{}</span>",
        safe::html(&i.label),
        if i.required {
            "<span class=\"req\">*</span>"
        } else {
            ""
        }
    );
    if let Some(d) = &i.dynamic {
        let _ = write!(
            h,
            "<span class=\"field dynamic\">▾ values from <code>{}</code></span>",
            safe::html(&d.operation_id)
        );
    }
    if !i.options.is_empty() {
        let _ = write!(
            h,
            "<select disabled>{}</select>",
            options(&i.options, i.default.as_deref())
        );
    } else if i.dynamic.is_none() {
        let placeholder = i
            .default
            .as_deref()
            .map(|d| format!("Default: {}", safe::html(d)))
            .or_else(|| i.description.as_deref().map(safe::html))
            .unwrap_or_default();
        let _ = write!(h, "<span class=\"field\">{placeholder}</span>");
    }
    let _ = write!(
        h,
        "<span class=\"hint\">{}{}</span>",
        safe::html(&i.location),
        i.type_name
            .as_deref()
            .map(|t| format!(" · {}", safe::html(t)))
            .unwrap_or_default()
    );
    h.push_str("</div>\n");
}

/// One card as Markdown, for the language server's hover: title, kind, description, the
/// inputs (advanced ones under their own heading), the dynamic content.
pub(crate) fn card_markdown(c: &Card) -> String {
    let md = |s: &str| safe::markdown(&s.replace(['\n', '\r'], " "));
    let mut out = String::new();
    let _ = write!(
        out,
        "**{}** ({} · `{} {}` · `{}`)",
        md(&c.title),
        c.kind.as_str(),
        c.method.to_ascii_uppercase(),
        safe::markdown_code(&c.path),
        safe::markdown_code(&c.id)
    );
    if c.deprecated {
        out.push_str(" · deprecated");
    }
    out.push_str("\n\n");
    if let Some(d) = &c.description {
        let _ = write!(out, "{}\n\n", md(d));
    }
    let mut main = Vec::new();
    let mut advanced = Vec::new();
    flat_inputs(&c.inputs, &mut |i| {
        let mut line = format!("- {}", md(&i.label));
        if i.required {
            line.push_str(" \\*");
        }
        let _ = write!(line, " `{}`", safe::markdown_code(&i.key));
        if let Some(t) = &i.type_name {
            let _ = write!(line, ": {}", md(t));
        }
        if let Some(d) = &i.dynamic {
            let _ = write!(
                line,
                ", values from `{}`",
                safe::markdown_code(&d.operation_id)
            );
        } else if !i.options.is_empty() {
            let shown: Vec<String> = i.options.iter().take(10).map(|o| md(&o.text)).collect();
            let more = if i.options.len() > 10 { ", …" } else { "" };
            let _ = write!(line, ", one of: {}{more}", shown.join(", "));
        }
        if i.visibility == Visibility::Advanced {
            advanced.push(line);
        } else {
            main.push(line);
        }
    });
    if main.is_empty() && advanced.is_empty() {
        out.push_str("No inputs.\n\n");
    }
    if !main.is_empty() {
        let _ = write!(out, "**Inputs**\n\n{}\n\n", main.join("\n"));
    }
    if !advanced.is_empty() {
        let _ = write!(
            out,
            "**Show advanced options**\n\n{}\n\n",
            advanced.join("\n")
        );
    }
    if !c.outputs.is_empty() {
        let shown: Vec<String> = c
            .outputs
            .iter()
            .take(40)
            .map(|o| format!("{} `{}`", md(&o.label), safe::markdown_code(&o.path)))
            .collect();
        let more = if c.outputs.len() > 40 {
            format!(" and {} more", c.outputs.len() - 40)
        } else {
            String::new()
        };
        let _ = write!(out, "**Dynamic content**: {}{more}\n\n", shown.join(", "));
    }
    out.trim_end().to_string()
}

/// `connkit preview`'s one line on stdout: where the page went, what it shows and, when the
/// connector was linted (`lint`: the findings on cards, elsewhere, and the connector's
/// folder), where the findings are. Paths come from the user and may hold anything: each
/// through `safe::text`.
pub(crate) fn written(
    output: &std::path::Path,
    p: &Preview,
    bytes: usize,
    lint: Option<(usize, usize, &std::path::Path)>,
) -> String {
    let actions = p.cards.iter().filter(|c| c.kind == Kind::Action).count();
    let mut line = format!(
        "wrote {} ({actions} actions, {} triggers, {} KB)",
        safe::text(&output.display().to_string()),
        p.cards.len() - actions,
        bytes.div_ceil(1024)
    );
    if let Some((on_cards, elsewhere, dir)) = lint {
        line.push_str(&format!(
            "; {on_cards} findings on cards, {elsewhere} elsewhere (connkit lint {} lists them all)",
            safe::text(&dir.display().to_string())
        ));
    }
    line.push('\n');
    line
}

fn flat_inputs<'c>(list: &'c [InputNode], f: &mut dyn FnMut(&'c Input)) {
    for n in list {
        match n {
            InputNode::Input(i) => f(i),
            InputNode::Group(g) => flat_inputs(&g.children, f),
        }
    }
}

#[cfg(test)]
mod tests;
