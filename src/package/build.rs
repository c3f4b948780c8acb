//! `package`: the certification package (outer zip → intro.md + package zip → PkgAssets/ →
//! solution zips) or the older flat file zip, built in memory, deterministically.
//!
//! The connector solution is generated from the loose files in the Dataverse export layout
//! (docs/solution-layout.md); the flow and AI plugin solutions are the user's exports, copied
//! byte for byte.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::safety::{self, Budget, Limits, Refusal};
use crate::model::Connector;
use crate::safe;

/// A file inside the package, for the printed tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) name: String,
    pub(crate) size: u64,
    pub(crate) children: Vec<Node>,
}

/// Why a package could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the connector has no apiDefinition.swagger.json")]
    NoDefinition,
    #[error("the definition could not be parsed")]
    DefinitionUnreadable,
    #[error(
        "a certification package needs intro.md: add one to the connector folder or pass --intro"
    )]
    NoIntro,
    #[error(
        "a certification package needs the flow solution exported from Dataverse: pass --flow-solution FLOW.zip"
    )]
    NoFlowSolution,
    #[error(
        "--prefix {given} differs from the flow solution's publisher prefix '{flow}' (its connector is '{connector}'): the connector inside both solutions must be the same connector; drop --prefix"
    )]
    PrefixDiffers {
        given: String,
        flow: String,
        connector: String,
    },
    /// The publisher prefix derived from the publisher is not one Dataverse accepts.
    #[error("{0} (pass --prefix)")]
    Prefix(String),
    /// A solution given as input is not a zip connkit may read (hostile or malformed).
    #[error("{path}: {reason}")]
    UnsafeSolution { path: String, reason: String },
    #[error("cannot {what}: {source}")]
    Zip {
        /// `add NAME`, `write NAME`, `finish the zip`.
        what: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// Write entries into a zip deterministically: sorted by name, `/` separators, fixed
/// timestamp (1980-01-01 00:00:00, the zip epoch), mode 0644, deflate.
pub fn write_zip(entries: &BTreeMap<String, Vec<u8>>) -> Result<Vec<u8>, BuildError> {
    let zip_error = |what: String| {
        move |e: zip::result::ZipError| BuildError::Zip {
            what,
            source: e.into(),
        }
    };
    let options = zip::write::SimpleFileOptions::default()
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
        .compression_method(zip::CompressionMethod::Deflated);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        let name = name.replace('\\', "/");
        w.start_file(name.as_str(), options)
            .map_err(zip_error(format!("add {name}")))?;
        w.write_all(data).map_err(|source| BuildError::Zip {
            what: format!("write {name}"),
            source,
        })?;
    }
    w.finish()
        .map(|c| c.into_inner())
        .map_err(zip_error("finish the zip".into()))
}

fn tree_of(entries: &BTreeMap<String, Vec<u8>>) -> Vec<Node> {
    entries
        .iter()
        .map(|(n, d)| Node {
            name: n.clone(),
            size: d.len() as u64,
            children: Vec::new(),
        })
        .collect()
}

/// Names derived from the connector, used throughout the solution.
#[derive(Debug, Clone)]
pub struct SolutionNames {
    /// `<prefix>_<escaped display name>`, e.g. `contoso_contoso-20tasks`.
    pub(crate) schema_name: String,
    /// Solution unique name, e.g. `ContosoTasksConnector`.
    pub(crate) unique_name: String,
    pub(crate) display_name: String,
    pub(crate) description: String,
    pub(crate) version: String,
    pub(crate) publisher: String,
    pub(crate) publisher_unique: String,
    pub(crate) prefix: String,
    pub(crate) option_value_prefix: u32,
    pub(crate) connector_id: String,
}

/// Escape a display name as Dataverse does in connector schema names: lower case, every
/// character other than ASCII letters and digits as `-` + two lower-case hex digits per
/// UTF-8 byte ("Calculate Working Day" → `calculate-20working-20day`).
pub fn escape_schema_name(display: &str) -> String {
    let mut out = String::new();
    for b in display.to_lowercase().bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("-{b:02x}"));
        }
    }
    out
}

/// Why a publisher customization prefix breaks Dataverse's rules (2–8 characters, ASCII
/// letters and digits, starting with a letter, not starting with `mscrm`), or `None`.
pub(crate) fn prefix_problem(prefix: &str) -> Option<String> {
    let n = prefix.chars().count();
    if !(2..=8).contains(&n) {
        return Some(format!(
            "the publisher prefix '{prefix}' has {n} characters; Dataverse allows 2 to 8"
        ));
    }
    if !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Some(format!(
            "the publisher prefix '{prefix}' may hold only letters and digits"
        ));
    }
    if !prefix.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(format!(
            "the publisher prefix '{prefix}' must start with a letter"
        ));
    }
    if prefix.to_ascii_lowercase().starts_with("mscrm") {
        return Some(format!(
            "the publisher prefix '{prefix}' starts with 'mscrm', which Dataverse reserves"
        ));
    }
    None
}

/// A Dataverse customization prefix from a publisher name: 2–8 lower-case letters/digits,
/// starting with a letter, never `mscrm`. Only a fallback: a real package takes the prefix
/// from the flow solution (see [`FlowIdentity`]).
pub(crate) fn derive_prefix(publisher: &str) -> String {
    let word = publisher
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .unwrap_or("");
    let p: String = word
        .chars()
        .take(8)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if prefix_problem(&p).is_some() {
        "new".to_string()
    } else {
        p
    }
}

/// The connector and publisher as a user's exported (flow) solution names them: the
/// generated connector solution must carry the same connector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlowIdentity {
    /// The connector's schema name (`<prefix>_<escaped>`).
    pub name: String,
    pub(crate) connector_id: Option<String>,
    /// The solution publisher's customization prefix.
    pub prefix: Option<String>,
    pub(crate) publisher_unique: Option<String>,
    pub(crate) publisher_display: Option<String>,
    pub(crate) option_value_prefix: Option<u32>,
}

/// Read the connector (and its publisher) from an exported solution zip. With several
/// connectors, the one whose escaped name ends like `display_name`'s is taken, else the
/// first.
pub fn flow_identity(bytes: &[u8], label: &str, display_name: &str) -> Option<FlowIdentity> {
    let mut budget = Budget::new(Limits::default());
    let a = safety::read_archive(bytes, label, 3, &mut budget).ok()?;
    let text_of = |n: &str| {
        a.file(n).map(|e| {
            let mut issues = Vec::new();
            crate::model::parse::decode(&e.data, &mut issues)
        })
    };
    let cust = super::xml::parse(&text_of("customizations.xml")?).ok()?;
    let mut all = Vec::new();
    cust.find_all("Connector", &mut all);
    let all: Vec<_> = all
        .into_iter()
        .filter(|c| c.child_text("name").is_some_and(|n| !n.is_empty()))
        .collect();
    let wanted = escape_schema_name(display_name);
    let c = all
        .iter()
        .find(|c| {
            c.child_text("name")
                .and_then(|n| n.split_once('_'))
                .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(&wanted))
        })
        .or(all.first())?;
    let name = c.child_text("name")?.trim().to_string();
    let mut id = FlowIdentity {
        connector_id: c
            .child_text("connectorid")
            .map(|s| s.trim().trim_matches(['{', '}']).to_ascii_lowercase())
            .filter(|s| !s.is_empty()),
        name,
        ..Default::default()
    };
    if let Some(pubr) = text_of("solution.xml")
        .and_then(|t| super::xml::parse(&t).ok())
        .and_then(|r| r.find("Publisher").cloned())
    {
        let t = |n: &str| {
            pubr.child_text(n)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        id.prefix = t("CustomizationPrefix");
        id.publisher_unique = t("UniqueName");
        id.option_value_prefix = t("CustomizationOptionValuePrefix").and_then(|s| s.parse().ok());
        id.publisher_display = pubr
            .find("LocalizedName")
            .and_then(|l| l.attr("description"))
            .map(str::to_string);
    }
    // The connector name carries the prefix it was created with; it wins over a publisher
    // prefix that does not match it (the name is what must be the same).
    if let Some((p, _)) = id.name.split_once('_')
        && id
            .prefix
            .as_deref()
            .is_none_or(|x| !x.eq_ignore_ascii_case(p))
    {
        id.prefix = Some(p.to_string());
    }
    Some(id)
}

/// A GUID derived from a name (stable across builds: the same connector gets the same id).
pub(crate) fn stable_guid(seed: &str) -> String {
    let h = Sha256::digest(seed.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x80; // RFC 9562 version 8 (custom)
    b[8] = (b[8] & 0x3f) | 0x80; // variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Four-part solution version from `info.version` (`1.2` → `1.2.0.0`), else `1.0.0.0`.
fn solution_version(v: Option<&str>) -> String {
    let parts: Vec<u32> = v
        .unwrap_or("")
        .trim()
        .trim_start_matches(['v', 'V'])
        .split('.')
        .map_while(|p| p.parse().ok())
        .take(4)
        .collect();
    if parts.is_empty() {
        return "1.0.0.0".into();
    }
    let mut p = parts;
    p.resize(4, 0);
    p.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

impl SolutionNames {
    /// The display name a connector will carry (`info.title`, else the folder name).
    pub(crate) fn display_name_of(c: &Connector) -> String {
        SolutionNames::from_connector(c, None, None).display_name
    }

    pub fn from_connector(
        c: &Connector,
        prefix: Option<&str>,
        flow: Option<&FlowIdentity>,
    ) -> SolutionNames {
        let def = c.definition_value();
        let info = def.and_then(|d| d.get("info"));
        let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").trim().to_string();
        let folder = c
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut display_name = s(info.and_then(|i| i.get("title")));
        if display_name.is_empty() {
            display_name = if folder.is_empty() {
                "Connector".into()
            } else {
                folder
            };
        }
        let props = c.properties_value().and_then(|p| p.get("properties"));
        let publisher = {
            let p = s(props.and_then(|p| p.get("publisher")));
            if p.is_empty() {
                display_name.clone()
            } else {
                p
            }
        };
        let prefix = flow
            .and_then(|f| f.prefix.clone())
            .or_else(|| prefix.map(str::to_string))
            .unwrap_or_else(|| derive_prefix(&publisher));
        let schema_name = match flow {
            Some(f) => f.name.clone(),
            None => format!("{prefix}_{}", escape_schema_name(&display_name)),
        };
        let alnum: String = display_name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let alnum = if alnum
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
        {
            alnum
        } else {
            format!("C{alnum}")
        };
        let h = Sha256::digest(prefix.as_bytes());
        let option_value_prefix = flow
            .and_then(|f| f.option_value_prefix)
            .unwrap_or(10_000 + (u32::from(h[0]) << 8 | u32::from(h[1])) % 90_000);
        SolutionNames {
            connector_id: flow
                .and_then(|f| f.connector_id.clone())
                .unwrap_or_else(|| stable_guid(&format!("connkit connector {schema_name}"))),
            unique_name: format!("{alnum}Connector"),
            description: s(info.and_then(|i| i.get("description"))),
            version: solution_version(info.and_then(|i| i.get("version")).and_then(Value::as_str)),
            publisher_unique: flow
                .and_then(|f| f.publisher_unique.clone())
                .unwrap_or_else(|| format!("{prefix}publisher")),
            publisher: flow
                .and_then(|f| f.publisher_display.clone())
                .unwrap_or(publisher),
            prefix,
            option_value_prefix,
            schema_name,
            display_name,
        }
    }
}

/// The connector solution zip's entries, generated from the loose files.
pub fn connector_solution_entries(
    c: &Connector,
    names: &SolutionNames,
) -> Result<BTreeMap<String, Vec<u8>>, BuildError> {
    let def = c.definition.as_ref().ok_or(BuildError::NoDefinition)?;
    let def_value = def.value.as_ref().ok_or(BuildError::DefinitionUnreadable)?;
    // JSON definitions go in as written (the reviewed bytes); YAML is converted.
    let def_bytes = match def.format {
        crate::model::Format::Json => def.text.as_bytes().to_vec(),
        crate::model::Format::Yaml => serde_json::to_string_pretty(def_value)
            .map_err(BuildError::Json)?
            .into_bytes(),
    };
    let props = c.properties_value().and_then(|p| p.get("properties"));
    let params = props
        .and_then(|p| p.get("connectionParameters"))
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    let param_sets = props
        .and_then(|p| p.get("connectionParameterSets"))
        .cloned();
    let policies = props
        .and_then(|p| p.get("policyTemplateInstances"))
        .cloned()
        .unwrap_or(Value::Null);
    let color = props
        .and_then(|p| p.get("iconBrandColor"))
        .and_then(Value::as_str)
        .unwrap_or("#007ee5");
    let n = &names.schema_name;
    let mut e = BTreeMap::new();
    let file = |suffix: &str| format!("Connector/{n}_{suffix}");
    e.insert(file("openapidefinition.json"), def_bytes);
    e.insert(
        file("connectionparameters.json"),
        serde_json::to_vec(&params)?,
    );
    e.insert(
        file("policytemplateinstances.json"),
        serde_json::to_vec(&policies)?,
    );
    let mut elements = vec![
        ("connectorid", names.connector_id.clone()),
        ("description", names.description.clone()),
        ("displayname", names.display_name.clone()),
        ("iconbrandcolor", color.to_string()),
        ("name", n.clone()),
        ("connectortype", "1".into()),
        (
            "openapidefinition",
            format!("/{}", file("openapidefinition.json")),
        ),
        (
            "connectionparameters",
            format!("/{}", file("connectionparameters.json")),
        ),
    ];
    if let Some(sets) = param_sets {
        e.insert(
            file("connectionparametersets.json"),
            serde_json::to_vec(&sets)?,
        );
        elements.push((
            "connectionparametersets",
            format!("/{}", file("connectionparametersets.json")),
        ));
    }
    elements.push((
        "policytemplateinstances",
        format!("/{}", file("policytemplateinstances.json")),
    ));
    let mut extensions = vec!["json", "xml"];
    if let Some(icon) = &c.icon {
        // Real exports spell the extension ".Png".
        e.insert(file("iconblob.Png"), icon.bytes.clone());
        elements.push(("iconblob", format!("/{}", file("iconblob.Png"))));
        extensions.push("Png");
    }
    if let Some(script) = &c.script {
        // [UNCERTAIN] no public export shows the element name for custom code; this follows
        // the file naming of the other connector files.
        e.insert(file("script.csx"), script.text.as_bytes().to_vec());
        elements.push(("script", format!("/{}", file("script.csx"))));
        extensions.push("csx");
    }
    extensions.sort_unstable();
    let mut ct = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    );
    for x in &extensions {
        ct.push_str(&format!(
            "<Default Extension=\"{x}\" ContentType=\"application/octet-stream\" />"
        ));
    }
    ct.push_str("</Types>");
    e.insert("[Content_Types].xml".into(), ct.into_bytes());

    let mut cx = String::new();
    cx.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    cx.push_str("<ImportExportXml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" OrganizationVersion=\"9.2.0.0\" OrganizationSchemaType=\"Standard\" CRMServerServiceabilityVersion=\"9.2.0.0\">\n");
    for empty in [
        "Entities",
        "Roles",
        "Workflows",
        "FieldSecurityProfiles",
        "Templates",
        "EntityMaps",
        "EntityRelationships",
        "OrganizationSettings",
        "optionsets",
        "CustomControls",
        "EntityDataProviders",
    ] {
        cx.push_str(&format!("  <{empty} />\n"));
    }
    cx.push_str("  <Connectors>\n    <Connector>\n");
    for (k, v) in &elements {
        cx.push_str(&format!("      <{k}>{}</{k}>\n", safe::xml(v)));
    }
    cx.push_str("    </Connector>\n  </Connectors>\n");
    cx.push_str(
        "  <Languages>\n    <Language>1033</Language>\n  </Languages>\n</ImportExportXml>\n",
    );
    e.insert("customizations.xml".into(), cx.into_bytes());

    let sx = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" OrganizationVersion="9.2.0.0" OrganizationSchemaType="Standard" CRMServerServiceabilityVersion="9.2.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SolutionManifest>
    <UniqueName>{unique}</UniqueName>
    <LocalizedNames>
      <LocalizedName description="{display}" languagecode="1033" />
    </LocalizedNames>
    <Descriptions />
    <Version>{version}</Version>
    <Managed>0</Managed>
    <Publisher>
      <UniqueName>{pub_unique}</UniqueName>
      <LocalizedNames>
        <LocalizedName description="{publisher}" languagecode="1033" />
      </LocalizedNames>
      <Descriptions />
      <EMailAddress xsi:nil="true"></EMailAddress>
      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>
      <CustomizationPrefix>{prefix}</CustomizationPrefix>
      <CustomizationOptionValuePrefix>{ovp}</CustomizationOptionValuePrefix>
      <Addresses />
    </Publisher>
    <RootComponents>
      <RootComponent type="372" id="{{{id}}}" schemaName="{schema}" behavior="0" />
    </RootComponents>
    <MissingDependencies />
  </SolutionManifest>
</ImportExportXml>
"#,
        unique = safe::xml(&names.unique_name),
        display = safe::xml(&names.display_name),
        version = safe::xml(&names.version),
        pub_unique = safe::xml(&names.publisher_unique),
        publisher = safe::xml(&names.publisher),
        prefix = safe::xml(&names.prefix),
        ovp = names.option_value_prefix,
        id = names.connector_id,
        schema = safe::xml(n),
    );
    e.insert("solution.xml".into(), sx.into_bytes());
    Ok(e)
}

/// What goes into a package.
#[derive(Debug, Default)]
pub struct PackageInput {
    pub intro: Option<(String, Vec<u8>)>,
    /// (file name, bytes) of the user's exports.
    pub flow_solution: Option<(String, Vec<u8>)>,
    pub plugin_solution: Option<(String, Vec<u8>)>,
    pub connector_solution: Option<(String, Vec<u8>)>,
    pub prefix: Option<String>,
}

/// A built package, in memory.
#[derive(Debug)]
pub struct Built {
    pub bytes: Vec<u8>,
    pub(crate) tree: Vec<Node>,
    pub(crate) sha256: String,
    /// Remarks for the user (uncertain layout choices).
    pub(crate) notes: Vec<String>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn finish(bytes: Vec<u8>, tree: Vec<Node>, notes: Vec<String>) -> Built {
    Built {
        sha256: sha256_hex(&bytes),
        bytes,
        tree,
        notes,
    }
}

/// The older flat zip: definition, apiProperties, icon, script.
pub(crate) fn build_files(c: &Connector) -> Result<Built, BuildError> {
    let mut e = BTreeMap::new();
    let def = c.definition.as_ref().ok_or(BuildError::NoDefinition)?;
    e.insert(
        "apiDefinition.swagger.json".to_string(),
        def.text.clone().into_bytes(),
    );
    if let Some(p) = &c.properties {
        e.insert(
            "apiProperties.json".to_string(),
            p.text.clone().into_bytes(),
        );
    }
    if let Some(i) = &c.icon {
        e.insert("icon.png".to_string(), i.bytes.clone());
    }
    if let Some(s) = &c.script {
        e.insert("script.csx".to_string(), s.text.clone().into_bytes());
    }
    let bytes = write_zip(&e)?;
    Ok(finish(bytes, tree_of(&e), Vec::new()))
}

/// Keep only a safe file name (no folders) for a solution inside PkgAssets.
fn asset_name(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() || clean.starts_with('.') {
        fallback.to_string()
    } else if clean.to_ascii_lowercase().ends_with(".zip") {
        clean
    } else {
        format!("{clean}.zip")
    }
}

/// Check that a user-given solution zip is safe to read, and list it for the tree.
fn solution_node(name: &str, bytes: &[u8]) -> Result<Node, BuildError> {
    let mut budget = Budget::new(Limits::default());
    let a = safety::read_archive(bytes, name, 3, &mut budget)
        .map_err(|Refusal { path, reason }| BuildError::UnsafeSolution { path, reason })?;
    let mut children: Vec<Node> = a
        .files()
        .map(|e| Node {
            name: e.name.clone(),
            size: e.data.len() as u64,
            children: Vec::new(),
        })
        .collect();
    children.sort_by(|x, y| x.name.cmp(&y.name));
    Ok(Node {
        name: name.to_string(),
        size: bytes.len() as u64,
        children,
    })
}

/// The certification package: outer zip → intro.md + package.zip → PkgAssets/ → solutions.
pub fn build_certification(c: &Connector, input: &PackageInput) -> Result<Built, BuildError> {
    let mut notes = Vec::new();
    let (intro_name, intro) = input.intro.clone().ok_or(BuildError::NoIntro)?;
    let (flow_name, flow) = input
        .flow_solution
        .clone()
        .ok_or(BuildError::NoFlowSolution)?;
    let display = SolutionNames::display_name_of(c);
    let flow_id = flow_identity(&flow, &flow_name, &display);
    if let (Some(given), Some(f)) = (input.prefix.as_deref(), &flow_id)
        && let Some(fp) = &f.prefix
        && !given.eq_ignore_ascii_case(fp)
    {
        return Err(BuildError::PrefixDiffers {
            given: given.to_string(),
            flow: fp.clone(),
            connector: f.name.clone(),
        });
    }
    let names = SolutionNames::from_connector(c, input.prefix.as_deref(), flow_id.as_ref());
    if flow_id.is_none()
        && let Some(problem) = prefix_problem(&names.prefix)
    {
        return Err(BuildError::Prefix(problem));
    }
    match &flow_id {
        Some(f) => notes.push(format!(
            "connector '{}' (id {}) and publisher prefix '{}' taken from the flow solution",
            f.name,
            names.connector_id,
            names.prefix
        )),
        None if input.prefix.is_none() => notes.push(format!(
            "the flow solution names no connector: publisher prefix '{}' derived from the publisher; pass --prefix with your Dataverse publisher's prefix",
            names.prefix
        )),
        None => {}
    }
    let (conn_name, conn) = match &input.connector_solution {
        Some((n, b)) => (asset_name(n, "ConnectorSolution.zip"), b.clone()),
        None => {
            let entries = connector_solution_entries(c, &names)?;
            if c.script.is_some() {
                notes.push("the connector has custom code: the script element of the generated solution is not confirmed by a real export; prefer --connector-solution with an exported solution".to_string());
            }
            (format!("{}.zip", names.unique_name), write_zip(&entries)?)
        }
    };
    let mut assets: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut add = |name: String, bytes: Vec<u8>| {
        let mut n = name.clone();
        let mut k = 2;
        while assets
            .keys()
            .any(|x| x.eq_ignore_ascii_case(&format!("PkgAssets/{n}")))
        {
            n = format!("{}_{k}.zip", name.trim_end_matches(".zip"));
            k += 1;
        }
        assets.insert(format!("PkgAssets/{n}"), bytes);
    };
    add(conn_name, conn);
    add(asset_name(&flow_name, "FlowSolution.zip"), flow);
    if let Some((n, b)) = &input.plugin_solution {
        add(asset_name(n, "PluginSolution.zip"), b.clone());
    }
    let mut solution_nodes = Vec::new();
    for (n, b) in &assets {
        let short = n.trim_start_matches("PkgAssets/");
        solution_nodes.push(solution_node(short, b)?);
    }
    let package = write_zip(&assets)?;
    // The validator only counts one *.md at the root; intro.md is the convention.
    let _ = intro_name;
    let intro_entry = "intro.md".to_string();
    let mut outer = BTreeMap::new();
    outer.insert(intro_entry.clone(), intro.clone());
    outer.insert("package.zip".to_string(), package.clone());
    let bytes = write_zip(&outer)?;
    let tree = vec![
        Node {
            name: intro_entry,
            size: intro.len() as u64,
            children: Vec::new(),
        },
        Node {
            name: "package.zip".into(),
            size: package.len() as u64,
            children: vec![Node {
                name: "PkgAssets/".into(),
                size: 0,
                children: solution_nodes,
            }],
        },
    ];
    Ok(finish(bytes, tree, notes))
}

/// Render the tree with sizes.
/// The tree of a built package, one entry a line. Entry names come from the exported
/// solutions given as input: each goes through [`safe::text`].
pub(crate) fn render_tree(root: &str, size: u64, nodes: &[Node]) -> String {
    fn walk(out: &mut String, nodes: &[Node], prefix: &str) {
        for (i, n) in nodes.iter().enumerate() {
            let last = i + 1 == nodes.len();
            let size = if n.name.ends_with('/') {
                String::new()
            } else {
                format!("  ({} bytes)", n.size)
            };
            out.push_str(&format!(
                "{prefix}{}{}{size}\n",
                if last { "└── " } else { "├── " },
                safe::text(&n.name)
            ));
            let next = format!("{prefix}{}", if last { "    " } else { "│   " });
            walk(out, &n.children, &next);
        }
    }
    let mut out = format!("{}  ({size} bytes)\n", safe::text(root));
    walk(&mut out, nodes, "");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_escape_like_dataverse() {
        assert_eq!(
            escape_schema_name("Calculate Working Day"),
            "calculate-20working-20day"
        );
        assert_eq!(escape_schema_name("a_b"), "a-5fb");
        assert_eq!(derive_prefix("Contoso Ltd"), "contoso");
        assert_eq!(derive_prefix("42 Fabrikam-Systems"), "fabrikam");
        assert_eq!(derive_prefix("42"), "new");
        assert_eq!(derive_prefix("MSCRM Inc"), "new");
        assert_eq!(derive_prefix("Publisher name"), "publishe");
        assert!(prefix_problem("publisher").is_some());
        assert!(prefix_problem("a").is_some());
        assert!(prefix_problem("1abc").is_some());
        assert!(prefix_problem("ab_c").is_some());
        assert!(prefix_problem("mscrmx").is_some());
        assert!(prefix_problem("contoso").is_none());
        assert!(prefix_problem("ab12").is_none());
        assert_eq!(solution_version(Some("1.2")), "1.2.0.0");
        assert_eq!(solution_version(Some("v2.0.1.5.9")), "2.0.1.5");
        assert_eq!(solution_version(Some("beta")), "1.0.0.0");
        let g = stable_guid("x");
        assert_eq!(g, stable_guid("x"));
        assert_ne!(g, stable_guid("y"));
        assert_eq!(g.len(), 36);
        assert_eq!(g.as_bytes()[14], b'8');
    }

    #[test]
    fn zips_are_deterministic_and_sorted() {
        let mut e = BTreeMap::new();
        e.insert("b.txt".to_string(), b"b".to_vec());
        e.insert("a/c.txt".to_string(), b"c".to_vec());
        let one = write_zip(&e).unwrap();
        assert_eq!(one, write_zip(&e).unwrap());
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(one)).unwrap();
        assert_eq!(z.by_index(0).unwrap().name().unwrap(), "a/c.txt");
        assert_eq!(z.by_index(1).unwrap().name().unwrap(), "b.txt");
        assert_eq!(
            z.by_index(0).unwrap().last_modified(),
            Some(zip::DateTime::default())
        );
    }

    #[test]
    fn asset_names_lose_folders_and_odd_characters() {
        assert_eq!(asset_name("../x/My Flow.zip", "F.zip"), "My_Flow.zip");
        assert_eq!(asset_name("C:\\a\\b", "F.zip"), "b.zip");
        assert_eq!(asset_name("..", "F.zip"), "F.zip");
    }
}
