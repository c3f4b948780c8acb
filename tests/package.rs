//! `connkit package` and `connkit verify-package`: build from the samples, verify, one golden
//! test per PKG rule, hostile zips, determinism.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};

const CONTOSO: &str = "connectors/certified-connectors/ContosoTasks";

fn connkit() -> Command {
    let mut c = Command::cargo_bin("connkit").unwrap();
    c.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A zip written with the zip crate (deflate), entries in the given order.
fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (n, d) in entries {
        w.start_file(*n, opts).unwrap();
        w.write_all(d).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for b in data {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// One entry for the hand-made zip writer (stored, any name, any flags or attributes: what
/// a well-behaved writer refuses to produce).
struct Raw<'a> {
    name: &'a str,
    data: &'a [u8],
    flags: u16,
    external: u32,
}

fn raw<'a>(name: &'a str, data: &'a [u8]) -> Raw<'a> {
    Raw {
        name,
        data,
        flags: 0,
        external: 0,
    }
}

fn raw_zip(entries: &[Raw<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let crc = crc32(e.data);
        let n = e.name.as_bytes();
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes());
        out.extend(e.flags.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // stored
        out.extend(0u16.to_le_bytes());
        out.extend(0x21u16.to_le_bytes());
        out.extend(crc.to_le_bytes());
        out.extend((e.data.len() as u32).to_le_bytes());
        out.extend((e.data.len() as u32).to_le_bytes());
        out.extend((n.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(n);
        out.extend(e.data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend((3u16 << 8 | 20).to_le_bytes()); // made by unix
        central.extend(20u16.to_le_bytes());
        central.extend(e.flags.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0x21u16.to_le_bytes());
        central.extend(crc.to_le_bytes());
        central.extend((e.data.len() as u32).to_le_bytes());
        central.extend((e.data.len() as u32).to_le_bytes());
        central.extend((n.len() as u16).to_le_bytes());
        central.extend([0u8; 8]); // extra, comment, disk, internal attrs
        central.extend(e.external.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(n);
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

fn contoso_json(file: &str) -> Value {
    let t = std::fs::read_to_string(root().join(CONTOSO).join(file)).unwrap();
    serde_json::from_str(&t).unwrap()
}

const NAME: &str = "contoso_contoso-20tasks";

fn connector_xml(name: &str) -> String {
    format!(
        "<Connectors><Connector><connectorid>6a1f7d8e-0000-4000-8000-000000000001</connectorid>\
         <displayname>Contoso Tasks</displayname><iconbrandcolor>#4b2e83</iconbrandcolor><name>{name}</name>\
         <connectortype>1</connectortype>\
         <openapidefinition>/Connector/{name}_openapidefinition.json</openapidefinition>\
         <connectionparameters>/Connector/{name}_connectionparameters.json</connectionparameters>\
         <policytemplateinstances>/Connector/{name}_policytemplateinstances.json</policytemplateinstances>\
         <iconblob>/Connector/{name}_iconblob.Png</iconblob></Connector></Connectors>"
    )
}

/// The ContosoTasks connector files as a solution carries them.
fn connector_files(def: &Value) -> Vec<(String, Vec<u8>)> {
    let props = contoso_json("apiProperties.json");
    vec![
        (
            format!("Connector/{NAME}_openapidefinition.json"),
            serde_json::to_vec(def).unwrap(),
        ),
        (
            format!("Connector/{NAME}_connectionparameters.json"),
            serde_json::to_vec(&props["properties"]["connectionParameters"]).unwrap(),
        ),
        (
            format!("Connector/{NAME}_policytemplateinstances.json"),
            serde_json::to_vec(&props["properties"]["policyTemplateInstances"]).unwrap(),
        ),
        (
            format!("Connector/{NAME}_iconblob.Png"),
            std::fs::read(root().join(CONTOSO).join("icon.png")).unwrap(),
        ),
    ]
}

const WF: &str = "Workflows/SampleTaskFlow-0D6C8C6B-1F7E-4B7E-9B1C-2A7E3C1D5F10.json";

/// A minimal Dataverse flow-solution export holding the ContosoTasks connector and one flow.
fn flow_solution(def: &Value) -> Vec<u8> {
    let cust = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><ImportExportXml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <Entities /><Roles /><Workflows><Workflow WorkflowId=\"{{0d6c8c6b-1f7e-4b7e-9b1c-2a7e3c1d5f10}}\" Name=\"Sample task flow\">\
         <JsonFileName>/{WF}</JsonFileName><Type>1</Type><Category>5</Category><StateCode>1</StateCode>\
         <StatusCode>2</StatusCode></Workflow></Workflows>{}<Languages><Language>1033</Language></Languages></ImportExportXml>",
        connector_xml(NAME)
    );
    let solution = "<ImportExportXml><SolutionManifest><UniqueName>ContosoTasksFlows</UniqueName>\
        <RootComponents><RootComponent type=\"29\" id=\"{0d6c8c6b-1f7e-4b7e-9b1c-2a7e3c1d5f10}\" behavior=\"0\" />\
        </RootComponents></SolutionManifest></ImportExportXml>";
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), b"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/octet-stream\" /><Default Extension=\"json\" ContentType=\"application/octet-stream\" /></Types>".to_vec()),
        ("customizations.xml".into(), cust.into_bytes()),
        ("solution.xml".into(), solution.as_bytes().to_vec()),
        (WF.into(), br#"{"properties":{"connectionReferences":{},"definition":{"triggers":{},"actions":{}}},"schemaVersion":"1.0.0.0"}"#.to_vec()),
    ];
    entries.extend(connector_files(def));
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    zip_of(&refs)
}

/// A connector-only solution (same connector, no flows).
fn connector_solution(def: &Value) -> Vec<u8> {
    let cust = format!(
        "<ImportExportXml><Workflows />{}</ImportExportXml>",
        connector_xml(NAME)
    );
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), b"<Types />".to_vec()),
        ("customizations.xml".into(), cust.into_bytes()),
        ("solution.xml".into(), b"<ImportExportXml />".to_vec()),
    ];
    entries.extend(connector_files(def));
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    zip_of(&refs)
}

/// Outer zip: intro.md + package.zip with the given PkgAssets entries.
fn package_with(assets: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let inner = zip_of(assets);
    zip_of(&[("intro.md", b"# Intro\n".to_vec()), ("package.zip", inner)])
}

fn good_assets() -> Vec<(&'static str, Vec<u8>)> {
    let def = contoso_json("apiDefinition.swagger.json");
    vec![
        ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
        ("PkgAssets/FlowSolution.zip", flow_solution(&def)),
    ]
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Run verify-package --format json; returns (document, exit code).
fn verify_json(file: &Path, extra: &[&str]) -> (Value, i32) {
    let out = connkit()
        .arg("verify-package")
        .arg(file)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap())
}

fn codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn build_contoso(dir: &Path, out: &str) -> (PathBuf, std::process::Output) {
    let def = contoso_json("apiDefinition.swagger.json");
    let flow = write(dir, "FlowSolution.zip", &flow_solution(&def));
    let target = dir.join(out);
    let o = connkit()
        .args(["package", CONTOSO, "-o"])
        .arg(&target)
        .arg("--flow-solution")
        .arg(&flow)
        .output()
        .unwrap();
    (target, o)
}

fn names_in(bytes: &[u8]) -> Vec<String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().unwrap().to_string())
        .collect()
}

fn entry(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut f = z.by_name(name).unwrap();
    let mut v = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut v).unwrap();
    v
}

#[test]
fn builds_contoso_and_the_package_verifies_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (target, o) = build_contoso(dir.path(), "ContosoTasks.zip");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(&target).unwrap();
    // The printed SHA-256 is the file's.
    let sha = connkit::package::build::sha256_hex(&bytes);
    assert!(stdout.contains(&format!("sha256 {sha}")), "{stdout}");
    assert!(
        stdout.contains("PkgAssets/") && stdout.contains("intro.md"),
        "{stdout}"
    );

    // Layout: outer → intro.md + package.zip → PkgAssets/ → generated connector solution.
    assert_eq!(names_in(&bytes), ["intro.md", "package.zip"]);
    let package = entry(&bytes, "package.zip");
    assert_eq!(
        names_in(&package),
        [
            "PkgAssets/ContosoTasksConnector.zip",
            "PkgAssets/FlowSolution.zip"
        ]
    );
    let sol = entry(&package, "PkgAssets/ContosoTasksConnector.zip");
    let n = "contoso_contoso-20tasks";
    assert_eq!(
        names_in(&sol),
        [
            format!("Connector/{n}_connectionparameters.json"),
            format!("Connector/{n}_iconblob.Png"),
            format!("Connector/{n}_openapidefinition.json"),
            format!("Connector/{n}_policytemplateinstances.json"),
            "[Content_Types].xml".into(),
            "customizations.xml".into(),
            "solution.xml".into(),
        ]
    );
    let cust = String::from_utf8(entry(&sol, "customizations.xml")).unwrap();
    assert!(cust.contains(&format!("<name>{n}</name>")), "{cust}");
    assert!(cust.contains("<iconbrandcolor>#4b2e83</iconbrandcolor>"));
    let manifest = String::from_utf8(entry(&sol, "solution.xml")).unwrap();
    assert!(
        manifest.contains("<RootComponent type=\"372\""),
        "{manifest}"
    );
    assert!(manifest.contains(&format!("schemaName=\"{n}\"")));

    // verify-package: clean, both kinds found, the embedded connectors lint clean and match.
    let (v, code) = verify_json(&target, &["--against", CONTOSO]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["findings"], serde_json::json!([]), "{v:#}");
    let kinds: Vec<_> = v["solutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["connector", "flow"]);
    assert_eq!(v["connectors"].as_array().unwrap().len(), 2);
    for c in v["connectors"].as_array().unwrap() {
        assert_eq!(c["findings"], serde_json::json!([]), "{c:#}");
        assert_eq!(c["profile"], "certified");
    }
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["solutions"], 2);

    // Text output says so too.
    let o = connkit()
        .arg("verify-package")
        .arg(&target)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("the package structure is correct"));
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, oa) = build_contoso(dir.path(), "a.zip");
    let (b, ob) = build_contoso(dir.path(), "b.zip");
    assert!(oa.status.success() && ob.status.success());
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert_eq!(a, b);
    // And the timestamps really are fixed (not merely equal within one second).
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
    assert_eq!(
        z.by_index(0).unwrap().last_modified(),
        Some(zip::DateTime::default())
    );
}

#[test]
fn kind_files_is_the_flat_zip() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("files.zip");
    let o = connkit()
        .args(["package", CONTOSO, "--kind", "files", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        names_in(&bytes),
        [
            "apiDefinition.swagger.json",
            "apiProperties.json",
            "icon.png"
        ]
    );
    // EchoTools has custom code: the script goes in too. It is a custom-connector sample,
    // not certification-ready, so the certified lint needs --allow-errors.
    let out2 = dir.path().join("echo.zip");
    let o = connkit()
        .args([
            "package",
            "connectors/custom-connectors/EchoTools",
            "--kind",
            "files",
            "--allow-errors",
            "-o",
        ])
        .arg(&out2)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(names_in(&std::fs::read(&out2).unwrap()).contains(&"script.csx".to_string()));
}

/// verify-package recognises the flat files zip `package --kind files` writes (issue 24: it
/// was refused as a malformed certification package), checks it and lints its connector.
#[test]
fn verify_package_checks_the_files_zip() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("files.zip");
    let o = connkit()
        .args(["package", CONTOSO, "--kind", "files", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for extra in [&[][..], &["--kind", "files"], &["--against", CONTOSO]] {
        let (v, code) = verify_json(&out, extra);
        assert_eq!(code, 0, "{extra:?}: {v:#}");
        assert_eq!(v["kind"], "files");
        assert!(v["findings"].as_array().unwrap().is_empty(), "{v:#}");
        assert_eq!(v["connectors"][0]["profile"], "certified");
    }
    let text = connkit().arg("verify-package").arg(&out).output().unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("files.zip: the files zip is correct"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
    // Another definition than the pull request's: reported with its pointer.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "icon.png",
    ] {
        std::fs::copy(root().join(CONTOSO).join(f), other.join(f)).unwrap();
    }
    let def = other.join("apiDefinition.swagger.json");
    let text = std::fs::read_to_string(&def).unwrap();
    std::fs::write(
        &def,
        text.replacen("api.contoso.com", "api2.contoso.com", 1),
    )
    .unwrap();
    let (v, code) = verify_json(&out, &["--against", other.to_str().unwrap()]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(codes(&v), ["PackageDefinitionMismatch"], "{v:#}");
    // The files zip checked as a certification package: its layout is reported.
    let (v, _) = verify_json(&out, &["--kind", "certification"]);
    assert_eq!(v["kind"], "certification");
    assert!(
        codes(&v).contains(&"PackageRootNotSingleMdAndZip".to_string()),
        "{v:#}"
    );
}

#[test]
fn lint_errors_refuse_to_package_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.zip");
    let o = connkit()
        .args([
            "package",
            "connectors/broken/structural-errors",
            "--kind",
            "files",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--allow-errors"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("OperationIdNotUnique"));
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "temp file left behind"
    );
    let o = connkit()
        .args([
            "package",
            "connectors/broken/structural-errors",
            "--kind",
            "files",
            "--allow-errors",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(out.exists());
}

#[test]
fn certification_package_needs_a_flow_solution_and_writes_nothing_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.zip");
    let o = connkit()
        .args(["package", CONTOSO, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--flow-solution"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn against_reports_every_difference_with_its_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let (target, o) = build_contoso(dir.path(), "p.zip");
    assert!(o.status.success());
    // The pull request's copy differs in the title and one connection parameter.
    let pr = dir.path().join("pr");
    std::fs::create_dir(&pr).unwrap();
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "icon.png",
    ] {
        std::fs::copy(root().join(CONTOSO).join(f), pr.join(f)).unwrap();
    }
    let mut def = contoso_json("apiDefinition.swagger.json");
    def["info"]["title"] = "Contoso Tasks Two".into();
    std::fs::write(pr.join("apiDefinition.swagger.json"), def.to_string()).unwrap();
    let mut props = contoso_json("apiProperties.json");
    props["properties"]["connectionParameters"]["token"]["oAuthSettings"]["scopes"] =
        serde_json::json!(["tasks.read"]);
    props["properties"]["policyTemplateInstances"][0]["title"] = "Other header".into();
    std::fs::write(pr.join("apiProperties.json"), props.to_string()).unwrap();
    let mut icon = std::fs::read(pr.join("icon.png")).unwrap();
    icon.push(0);
    std::fs::write(pr.join("icon.png"), icon).unwrap();

    let (v, code) = verify_json(&target, &["--against", pr.to_str().unwrap()]);
    assert_eq!(code, 1);
    let f = v["findings"].as_array().unwrap();
    // Both solutions carry the connector: each difference is reported for each.
    let defs: Vec<_> = f
        .iter()
        .filter(|f| f["code"] == "PackageDefinitionMismatch")
        .collect();
    assert_eq!(defs.len(), 2, "{v:#}");
    assert!(
        defs[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("/info/title:")
    );
    assert!(
        defs[0]["path_in_package"]
            .as_str()
            .unwrap()
            .starts_with("p.zip/package.zip/PkgAssets/")
    );
    let params: Vec<_> = f
        .iter()
        .filter(|f| f["code"] == "PackageConnectionParametersMismatch")
        .collect();
    assert_eq!(params.len(), 2, "{v:#}");
    assert!(
        params[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("/token/oAuthSettings/scopes/0:")
    );
}

#[test]
fn finding_json_shape_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "p.zip", &zip_of(&[("intro.md", b"x".to_vec())]));
    let (v, code) = verify_json(&p, &[]);
    assert_eq!(code, 1);
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "tool",
            "package",
            "kind",
            "findings",
            "solutions",
            "connectors",
            "summary"
        ]
    );
    let f = &v["findings"][0];
    let keys: Vec<_> = f.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["code", "severity", "path_in_package", "message"]);
    assert_eq!(f["code"], "PackageRootNotSingleMdAndZip");
    assert_eq!(f["severity"], "error");
    assert_eq!(v["summary"]["errors"], 1);
}

// ---- one golden test per PKG rule: the failing package, and the good one passing ----

fn verify_codes(dir: &Path, bytes: &[u8], extra: &[&str]) -> (Vec<String>, Value) {
    let p = write(dir, "pkg.zip", bytes);
    let (v, code) = verify_json(&p, extra);
    let c = codes(&v);
    assert_eq!(code, if c.is_empty() { 0 } else { 1 }, "{v:#}");
    (c, v)
}

#[test]
fn good_handmade_package_has_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    let (c, v) = verify_codes(dir.path(), &package_with(&good_assets()), &[]);
    assert!(c.is_empty(), "{v:#}");
}

#[test]
fn pkg01_not_a_zip_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "package.rar", &package_with(&good_assets()));
    let (v, code) = verify_json(&p, &[]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["PackageFileNotZip"]);
    let (v, _) = verify_json(dir.path(), &[]);
    assert_eq!(codes(&v), ["PackageFileNotZip"]);
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("folder")
    );
    // A missing file is a usage error, not a finding.
    let o = connkit()
        .arg("verify-package")
        .arg(dir.path().join("nope.zip"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn pkg02_root_must_hold_one_md_and_one_zip_and_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let inner = zip_of(&good_assets());
    for bad in [
        zip_of(&[("package.zip", inner.clone())]),
        zip_of(&[
            ("intro.md", vec![]),
            ("more.md", vec![]),
            ("package.zip", inner.clone()),
        ]),
        zip_of(&[
            ("intro.md", vec![]),
            ("a.zip", inner.clone()),
            ("b.zip", inner.clone()),
        ]),
        zip_of(&[("intro.md", vec![]), ("Package/package.zip", inner.clone())]),
    ] {
        let (c, v) = verify_codes(dir.path(), &bad, &[]);
        assert_eq!(c, ["PackageRootNotSingleMdAndZip"], "{v:#}");
    }
    // Other root files are not counted (customProperties.json for multi-auth).
    let ok = zip_of(&[
        ("customProperties.json", b"{}".to_vec()),
        ("intro.md", vec![]),
        ("package.zip", inner),
    ]);
    assert!(verify_codes(dir.path(), &ok, &[]).0.is_empty());
}

#[test]
fn pkg03_package_zip_holds_exactly_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut assets = good_assets();
    assets.push(("Other/readme.txt", b"x".to_vec()));
    let (c, _) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert_eq!(c, ["PackageNotSingleAssetsFolder"]);
    // Loose files at the package root are not checked (a pdpkg has its .dll there).
    let mut assets = good_assets();
    assets.push(("Contoso.Package.dll", b"MZ".to_vec()));
    assert!(
        verify_codes(dir.path(), &package_with(&assets), &[])
            .0
            .is_empty()
    );
}

#[test]
fn pkg04_assets_folder_holds_two_solution_zips_and_no_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    let mut assets = good_assets();
    assets.pop();
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert!(
        c.contains(&"PackageAssetsWrongSolutionCount".to_string()),
        "{v:#}"
    );
    let mut assets = good_assets();
    assets.push(("PkgAssets/sub/x.txt", b"x".to_vec()));
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert_eq!(c, ["PackageAssetsWrongSolutionCount"], "{v:#}");
    // With --plugin, three are needed.
    let (c, _) = verify_codes(dir.path(), &package_with(&good_assets()), &["--plugin"]);
    assert!(c.contains(&"PackageAssetsWrongSolutionCount".to_string()));
    // Other files in the assets folder are ignored (ImportConfig.xml).
    let mut assets = good_assets();
    assets.push((
        "PkgAssets/ImportConfig.xml",
        b"<configdatastorage/>".to_vec(),
    ));
    assert!(
        verify_codes(dir.path(), &package_with(&assets), &[])
            .0
            .is_empty()
    );
}

#[test]
fn pkg05_solution_needs_its_three_root_files() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    let good = connector_solution(&def);
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
    let mut entries = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut d = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut d).unwrap();
        if name != "solution.xml" {
            entries.push((name, d));
        }
    }
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    let bad = zip_of(&refs);
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", bad),
        ("PkgAssets/FlowSolution.zip", flow_solution(&def)),
    ];
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert_eq!(c, ["SolutionMissingRootFiles"], "{v:#}");
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("solution.xml")
    );
    assert_eq!(
        v["findings"][0]["path_in_package"],
        "pkg.zip/package.zip/PkgAssets/ConnectorSolution.zip"
    );
}

fn minimal_solution(cust: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut e: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", b"<Types/>".to_vec()),
        ("customizations.xml", cust.as_bytes().to_vec()),
        ("solution.xml", b"<ImportExportXml/>".to_vec()),
    ];
    for (n, d) in extra {
        e.push((n, d.to_vec()));
    }
    zip_of(&e)
}

#[test]
fn pkg06_solution_must_classify() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    // Workflows without the connector (policy 5000.1.1.7).
    let flow_only = minimal_solution(
        &format!(
            "<ImportExportXml><Workflows><Workflow Name=\"f\"><JsonFileName>/{WF}</JsonFileName></Workflow></Workflows></ImportExportXml>"
        ),
        &[(WF, b"{}"), ("Connector/x.json", b"{}")],
    );
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
        ("PkgAssets/FlowSolution.zip", flow_only),
    ];
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert_eq!(
        c,
        ["SolutionNotClassifiable", "PackageMissingSolutionKind"],
        "{v:#}"
    );
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("5000.1.1.7")
    );
    // customizations.xml that is not XML.
    let broken = minimal_solution("<ImportExportXml><Connectors>", &[]);
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
        ("PkgAssets/FlowSolution.zip", flow_solution(&def)),
        ("PkgAssets/Broken.zip", broken),
    ];
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert!(c.contains(&"SolutionNotClassifiable".to_string()), "{v:#}");
}

#[test]
fn pkg07_solution_needs_component_folders() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    // Declares a connector but ships no Connector/ folder.
    let no_folder = minimal_solution(
        "<ImportExportXml><Connectors><Connector><name>x</name></Connector></Connectors></ImportExportXml>",
        &[],
    );
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", no_folder),
        ("PkgAssets/FlowSolution.zip", flow_solution(&def)),
    ];
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert!(
        c.contains(&"SolutionMissingComponentFolder".to_string()),
        "{v:#}"
    );
    assert!(
        c.contains(&"SolutionConnectorFileMissing".to_string()),
        "{v:#}"
    );
}

#[test]
fn pkg08_needs_a_connector_and_a_flow_solution() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    let assets = vec![
        ("PkgAssets/A.zip", connector_solution(&def)),
        ("PkgAssets/B.zip", connector_solution(&def)),
    ];
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert_eq!(c, ["PackageMissingSolutionKind"], "{v:#}");
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("flow solution")
    );
    // With --plugin: connector + flow + plugin solution passes.
    let plugin = minimal_solution(
        &format!(
            "<ImportExportXml><Workflows/>{}<aicopilot_aiplugins><aicopilot_aiplugin name=\"p\"/></aicopilot_aiplugins></ImportExportXml>",
            connector_xml(NAME)
        ),
        &[
            ("aiplugins/p.xml", b"<x/>"),
            ("aipluginoperations/o.xml", b"<x/>"),
        ],
    );
    let mut plugin_entries = names_in(&plugin);
    plugin_entries.sort();
    let mut assets = good_assets();
    // The plugin solution also needs the connector files it names.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(plugin)).unwrap();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut d = Vec::new();
        let name = f.name().unwrap().to_string();
        std::io::Read::read_to_end(&mut f, &mut d).unwrap();
        entries.push((name, d));
    }
    entries.extend(connector_files(&def));
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    assets.push(("PkgAssets/Plugin.zip", zip_of(&refs)));
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &["--plugin"]);
    assert!(c.is_empty(), "{v:#}");
    // Without the plugin solution, --plugin reports it missing.
    let mut assets = good_assets();
    assets.push(("PkgAssets/C.zip", connector_solution(&def)));
    let (c, _) = verify_codes(dir.path(), &package_with(&assets), &["--plugin"]);
    assert_eq!(c, ["PackageMissingSolutionKind"]);
}

#[test]
fn workflow_files_must_match_customizations() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    // Declared JSON missing, and an undeclared one present.
    let flow = minimal_solution(
        &format!(
            "<ImportExportXml><Workflows><Workflow Name=\"f\"><JsonFileName>/Workflows/Missing.json</JsonFileName></Workflow></Workflows>{}</ImportExportXml>",
            connector_xml(NAME)
        ),
        &[("Workflows/Extra.json", b"{}")],
    );
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(flow)).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut d = Vec::new();
        let name = f.name().unwrap().to_string();
        std::io::Read::read_to_end(&mut f, &mut d).unwrap();
        entries.push((name, d));
    }
    entries.extend(connector_files(&def));
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
        ("PkgAssets/FlowSolution.zip", zip_of(&refs)),
    ];
    let (c, v) = verify_codes(dir.path(), &package_with(&assets), &[]);
    assert_eq!(
        c,
        [
            "SolutionWorkflowFileMismatch",
            "SolutionWorkflowFileMismatch"
        ],
        "{v:#}"
    );
}

#[test]
fn backslash_names_and_macos_junk_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let assets = good_assets();
    let inner = raw_zip(&[
        Raw {
            name: "PkgAssets\\ConnectorSolution.zip",
            data: Box::leak(assets[0].1.clone().into_boxed_slice()),
            flags: 0,
            external: 0,
        },
        Raw {
            name: "PkgAssets\\FlowSolution.zip",
            data: Box::leak(assets[1].1.clone().into_boxed_slice()),
            flags: 0,
            external: 0,
        },
    ]);
    let outer = zip_of(&[
        ("intro.md", vec![]),
        ("package.zip", inner),
        (".DS_Store", vec![0]),
    ]);
    let p = write(dir.path(), "pkg.zip", &outer);
    let (v, code) = verify_json(&p, &[]);
    assert_eq!(code, 0, "warnings only: {v:#}");
    assert_eq!(
        codes(&v),
        ["PackageContainsOsJunk", "PackageEntryBackslashSeparator"]
    );
    let (_, code) = verify_json(&p, &["--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn embedded_connector_is_linted_with_the_certified_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut def = contoso_json("apiDefinition.swagger.json");
    def["swagger"] = "3.0".into();
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
        (
            "PkgAssets/FlowSolution.zip",
            flow_solution(&contoso_json("apiDefinition.swagger.json")),
        ),
    ];
    let p = write(dir.path(), "pkg.zip", &package_with(&assets));
    let (v, code) = verify_json(&p, &[]);
    assert_eq!(code, 1);
    // The layout is fine; the two solutions carry different definitions of the connector.
    assert_eq!(codes(&v), ["PackageConnectorMismatch"], "{v:#}");
    let m = v["findings"][0]["message"].as_str().unwrap();
    assert!(m.contains("at /swagger:"), "{m}");
    let c = &v["connectors"][0];
    assert_eq!(
        c["path"],
        "pkg.zip/package.zip/PkgAssets/ConnectorSolution.zip"
    );
    assert_eq!(
        c["findings"][0]["code"], "SpecificationVersionIncorrect",
        "{c:#}"
    );
    assert_eq!(
        c["findings"][0]["file"],
        format!("Connector/{NAME}_openapidefinition.json")
    );
    assert_eq!(v["connectors"][1]["findings"], serde_json::json!([]));
}

// ---- hostile zips: refused with a clear error, exit 2, nothing written ----

fn assert_refused(bytes: Vec<u8>, expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "hostile.zip", &bytes);
    let before: BTreeMap<_, _> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| (e.unwrap().file_name(), ()))
        .collect();
    let o = connkit()
        .current_dir(dir.path())
        .arg("verify-package")
        .arg(&p)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{expect}: {err}");
    assert!(err.contains("refusing the package"), "{err}");
    assert!(err.contains(expect), "expected '{expect}' in: {err}");
    let after: BTreeMap<_, _> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| (e.unwrap().file_name(), ()))
        .collect();
    assert_eq!(before, after, "verify-package wrote a file");
    assert!(!dir.path().parent().unwrap().join("evil.txt").exists());
    // json: one document naming the error.
    let o = connkit()
        .arg("verify-package")
        .arg(&p)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let shown = format!(
        "{}: {}",
        v["error"]["path_in_package"], v["error"]["message"]
    );
    assert!(shown.contains(expect), "{v:#}");
}

#[test]
fn hostile_parent_dir_entry() {
    assert_refused(raw_zip(&[raw("../evil.txt", b"x")]), "escapes its folder");
    // Also when hidden one level down, with the path inside the package named.
    let inner = raw_zip(&[raw("PkgAssets/../../evil.txt", b"x")]);
    let outer = zip_of(&[("intro.md", vec![]), ("package.zip", inner)]);
    assert_refused(outer, "hostile.zip/package.zip/PkgAssets/../../evil.txt");
}

#[test]
fn hostile_absolute_path() {
    assert_refused(raw_zip(&[raw("/etc/evil.txt", b"x")]), "absolute path");
}

#[test]
fn hostile_drive_letter() {
    assert_refused(raw_zip(&[raw("C:\\evil.txt", b"x")]), "drive letter");
}

#[test]
fn hostile_duplicate_names() {
    assert_refused(
        raw_zip(&[raw("intro.md", b"a"), raw("intro.md", b"b")]),
        "same entry name twice",
    );
    assert_refused(
        raw_zip(&[raw("intro.md", b"a"), raw("INTRO.md", b"b")]),
        "duplicate entry name",
    );
}

#[test]
fn hostile_symlink() {
    assert_refused(
        raw_zip(&[Raw {
            name: "intro.md",
            data: b"/etc/passwd",
            flags: 0,
            external: 0o120777 << 16,
        }]),
        "symbolic link",
    );
}

#[test]
fn hostile_encrypted_entry() {
    assert_refused(
        raw_zip(&[Raw {
            name: "intro.md",
            data: b"xxxxxxxxxxxxxxxx",
            flags: 1,
            external: 0,
        }]),
        "encrypted",
    );
}

#[test]
fn hostile_nesting_beyond_three_levels() {
    let def = contoso_json("apiDefinition.swagger.json");
    let deep = zip_of(&[("x.txt", b"x".to_vec())]);
    let mut sol = Vec::new();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(connector_solution(&def))).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut d = Vec::new();
        let name = f.name().unwrap().to_string();
        std::io::Read::read_to_end(&mut f, &mut d).unwrap();
        sol.push((name, d));
    }
    sol.push(("Connector/level4.zip".to_string(), deep));
    let refs: Vec<(&str, Vec<u8>)> = sol.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    let assets = vec![
        ("PkgAssets/ConnectorSolution.zip", zip_of(&refs)),
        ("PkgAssets/FlowSolution.zip", flow_solution(&def)),
    ];
    assert_refused(package_with(&assets), "nested 4 levels deep");
}

#[test]
fn hostile_zip_bomb_by_ratio() {
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let bomb = zip_of(&[("intro.md", zeros)]);
    assert!(bomb.len() < 100_000, "the test bomb should compress well");
    assert_refused(bomb, "zip bomb");
}

#[test]
fn hostile_truncated_and_garbage_archives() {
    let good = package_with(&good_assets());
    assert_refused(good[..good.len() / 2].to_vec(), "not a readable zip");
    assert_refused(
        b"PK\x03\x04 definitely not a zip".to_vec(),
        "not a readable zip",
    );
    // A corrupt entry inside an otherwise valid archive (CRC mismatch).
    let mut z = raw_zip(&[raw("intro.md", b"hello world")]);
    let at = z.windows(11).position(|w| w == b"hello world").unwrap();
    z[at] = b'j';
    assert_refused(z, "corrupt");
}

#[test]
fn package_refuses_hostile_flow_solution_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let flow = write(
        dir.path(),
        "flow.zip",
        &raw_zip(&[raw("../evil.txt", b"x")]),
    );
    let out = dir.path().join("out.zip");
    let o = connkit()
        .args(["package", CONTOSO, "-o"])
        .arg(&out)
        .arg("--flow-solution")
        .arg(&flow)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("escapes its folder"));
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

// ---- zips that other readers would see differently: corrupt, exit 2 ----

/// Where the end of central directory record starts (no comment in `raw_zip`).
fn eocd(z: &[u8]) -> usize {
    z.len() - 22
}

#[test]
fn hostile_count_shorter_than_the_directory() {
    // Python's zipfile and Info-ZIP walk the whole directory and extract ../evil.txt.
    let mut z = raw_zip(&[raw("intro.md", b"x"), raw("../evil.txt", b"x")]);
    let at = eocd(&z);
    z[at + 8..at + 12].copy_from_slice(&[1, 0, 1, 0]);
    assert_refused(z, "counts 1 entries but the central directory holds 2");
}

#[test]
fn hostile_count_wrapping_at_65536_hides_nothing_and_the_limit_holds() {
    let names: Vec<String> = (0..65_536).map(|i| format!("{i:x}")).collect();
    let mut entries: Vec<Raw<'_>> = vec![raw("intro.md", b"x")];
    entries.extend(names.iter().map(|n| raw(n, b"")));
    entries.push(raw("../../evil.txt", b"x"));
    let z = raw_zip(&entries);
    let at = eocd(&z);
    assert_eq!(&z[at + 10..at + 12], &[2, 0], "the count wrapped to 2");
    assert_refused(z, "entry limit");
}

#[test]
fn hostile_directory_offset_on_a_stored_inner_zips_directory() {
    let inner = raw_zip(&[raw("../../evil.txt", b"pwned")]);
    let inner_cd_len = inner.len() - 22 - (30 + 14 + 5);
    let mut z = raw_zip(&[raw("intro.md", b"# x"), raw("package.zip", &inner)]);
    let inner_at = z.windows(inner.len()).position(|w| w == inner).unwrap();
    let at = eocd(&z);
    z[at + 8..at + 12].copy_from_slice(&[1, 0, 1, 0]);
    z[at + 12..at + 16].copy_from_slice(&(inner_cd_len as u32).to_le_bytes());
    z[at + 16..at + 20].copy_from_slice(&((inner_at + 30 + 14 + 5) as u32).to_le_bytes());
    assert_refused(z, "does not end where the end record starts");
}

#[test]
fn hostile_local_header_name_differs_from_the_directory() {
    let mut z = raw_zip(&[raw("intro.md", b"x")]);
    z[30..38].copy_from_slice(b"../a.txt");
    assert_refused(z, "the local header names it '../a.txt'");
}

#[test]
fn hostile_names_windows_reads_as_parent_or_with_control_characters() {
    assert_refused(raw_zip(&[raw(".. /evil.txt", b"x")]), "dots and spaces");
    assert_refused(raw_zip(&[raw("...\\evil.txt", b"x")]), "dots and spaces");
    assert_refused(raw_zip(&[raw("a\u{1b}[2J.md", b"x")]), "control characters");
}

#[test]
fn hostile_data_before_the_first_entry() {
    let z = [b"#!/bin/sh\n".to_vec(), raw_zip(&[raw("intro.md", b"x")])].concat();
    assert_refused(z, "not a readable zip archive (corrupt");
}

// ---- one connector across the package (issue 17) ----

/// A flow solution whose connector has the given name and id, and whose solution.xml names
/// a publisher with the given prefix.
fn flow_solution_named(def: &Value, name: &str, id: &str, prefix: &str) -> Vec<u8> {
    let xml = connector_xml(name).replace("6a1f7d8e-0000-4000-8000-000000000001", id);
    let cust = format!(
        "<ImportExportXml><Workflows><Workflow WorkflowId=\"{{0d6c8c6b-1f7e-4b7e-9b1c-2a7e3c1d5f10}}\" Name=\"Sample task flow\">\
         <JsonFileName>/{WF}</JsonFileName></Workflow></Workflows>{xml}</ImportExportXml>"
    );
    let solution = format!(
        "<ImportExportXml><SolutionManifest><UniqueName>Flows</UniqueName><Publisher><UniqueName>FabrikamPub</UniqueName>\
         <LocalizedNames><LocalizedName description=\"Fabrikam Publishing\" languagecode=\"1033\" /></LocalizedNames>\
         <CustomizationPrefix>{prefix}</CustomizationPrefix><CustomizationOptionValuePrefix>54201</CustomizationOptionValuePrefix>\
         </Publisher></SolutionManifest></ImportExportXml>"
    );
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), b"<Types />".to_vec()),
        ("customizations.xml".into(), cust.into_bytes()),
        ("solution.xml".into(), solution.into_bytes()),
        (WF.into(), b"{}".to_vec()),
    ];
    for (n, d) in connector_files(def) {
        entries.push((n.replace(NAME, name), d));
    }
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    zip_of(&refs)
}

#[test]
fn package_takes_the_connector_and_prefix_from_the_flow_solution() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    let id = "0a0b0c0d-1111-4222-8333-444455556666";
    let flow = write(
        dir.path(),
        "Flow.zip",
        &flow_solution_named(&def, "fabrikam_contoso-20tasks", id, "fabrikam"),
    );
    let target = dir.path().join("out.zip");
    let o = connkit()
        .args(["package", CONTOSO, "-o"])
        .arg(&target)
        .arg("--flow-solution")
        .arg(&flow)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(&target).unwrap();
    let package = entry(&bytes, "package.zip");
    let sol = entry(&package, "PkgAssets/ContosoTasksConnector.zip");
    let cust = String::from_utf8(entry(&sol, "customizations.xml")).unwrap();
    assert!(
        cust.contains("<name>fabrikam_contoso-20tasks</name>"),
        "{cust}"
    );
    assert!(
        cust.contains(&format!("<connectorid>{id}</connectorid>")),
        "{cust}"
    );
    let manifest = String::from_utf8(entry(&sol, "solution.xml")).unwrap();
    assert!(manifest.contains("<CustomizationPrefix>fabrikam</CustomizationPrefix>"));
    assert!(manifest.contains("<UniqueName>FabrikamPub</UniqueName>"));
    assert!(manifest.contains(&format!("id=\"{{{id}}}\"")), "{manifest}");
    let (v, code) = verify_json(&target, &["--against", CONTOSO]);
    assert_eq!(code, 0, "{v:#}");

    // A --prefix that contradicts the flow solution is refused.
    let o = connkit()
        .args(["package", CONTOSO, "-o"])
        .arg(dir.path().join("x.zip"))
        .arg("--flow-solution")
        .arg(&flow)
        .args(["--prefix", "contoso"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("fabrikam"));
    assert!(!dir.path().join("x.zip").exists());
}

#[test]
fn solutions_naming_different_connectors_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let def = contoso_json("apiDefinition.swagger.json");
    // The generated solution says publishe_, the real flow export says publisher_.
    let conn = connector_solution(&def);
    let conn = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(conn)).unwrap();
        let mut entries = Vec::new();
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let mut d = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut d).unwrap();
            let name = f.name().unwrap().replace(NAME, "publishe_contoso-20tasks");
            let d = String::from_utf8(d.clone())
                .map(|t| t.replace(NAME, "publishe_contoso-20tasks").into_bytes())
                .unwrap_or(d);
            entries.push((name, d));
        }
        let refs: Vec<(&str, Vec<u8>)> = entries
            .iter()
            .map(|(n, d)| (n.as_str(), d.clone()))
            .collect();
        zip_of(&refs)
    };
    let flow = flow_solution_named(
        &def,
        "publisher_contoso-20tasks",
        "6a1f7d8e-0000-4000-8000-000000000001",
        "publisher",
    );
    let p = write(
        dir.path(),
        "p.zip",
        &package_with(&[
            ("PkgAssets/ConnectorSolution.zip", conn),
            ("PkgAssets/FlowSolution.zip", flow),
        ]),
    );
    let (v, code) = verify_json(&p, &[]);
    assert_eq!(code, 1);
    let c = codes(&v);
    assert!(c.contains(&"PackageConnectorMismatch".to_string()), "{v:#}");
    // 'publisher' is 9 characters: not a Dataverse prefix.
    assert!(
        c.contains(&"SolutionPublisherPrefixInvalid".to_string()),
        "{v:#}"
    );
    let m = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "PackageConnectorMismatch")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        m.contains("publishe_contoso-20tasks") && m.contains("publisher_contoso-20tasks"),
        "{m}"
    );
    // The same connector under two ids is two connectors.
    let other_id = flow_solution_named(
        &def,
        NAME,
        "ffffffff-0000-4000-8000-000000000009",
        "contoso",
    );
    let p = write(
        dir.path(),
        "q.zip",
        &package_with(&[
            ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
            ("PkgAssets/FlowSolution.zip", other_id),
        ]),
    );
    let (v, _) = verify_json(&p, &[]);
    assert_eq!(codes(&v), ["PackageConnectorMismatch"], "{v:#}");
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("connectorid")
    );
}

#[test]
fn definition_mismatch_shows_where_long_values_differ() {
    let dir = tempfile::tempdir().unwrap();
    let (target, o) = build_contoso(dir.path(), "p.zip");
    assert!(o.status.success());
    let pr = dir.path().join("pr");
    std::fs::create_dir(&pr).unwrap();
    for f in ["apiProperties.json", "icon.png"] {
        std::fs::copy(root().join(CONTOSO).join(f), pr.join(f)).unwrap();
    }
    let mut def = contoso_json("apiDefinition.swagger.json");
    let d = def["info"]["description"].as_str().unwrap().to_string();
    def["info"]["description"] = format!("{d} Extra words at the end.").into();
    std::fs::write(pr.join("apiDefinition.swagger.json"), def.to_string()).unwrap();
    let (v, _) = verify_json(&target, &["--against", pr.to_str().unwrap()]);
    let m = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "PackageDefinitionMismatch")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(m.starts_with("/info/description:"), "{m}");
    assert!(m.contains("Extra words at the end.\""), "{m}");
    assert!(
        m.contains(&format!("from character {}", d.chars().count() + 2)),
        "{m}"
    );
}

// ---- real exported solutions (tests/fixtures/real-solutions, docs/solution-layout.md) ----

const REAL: &str = "tests/fixtures/real-solutions";

/// The `<Connector>` element of an unpacked `Connectors/<name>.xml`, as `pac solution pack`
/// puts it into customizations.xml.
fn connector_element(unpacked_xml: &str) -> String {
    let body = unpacked_xml
        .split_once("?>")
        .map(|(_, b)| b)
        .unwrap_or(unpacked_xml);
    body.trim().replacen(
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        "",
        1,
    )
}

/// Child element names of the first `<tag>` in `xml`, in order.
fn child_names(xml: &str, tag: &str) -> Vec<String> {
    let start = xml.find(&format!("<{tag}>")).unwrap() + tag.len() + 2;
    let end = xml[start..].find(&format!("</{tag}>")).unwrap() + start;
    let mut names = Vec::new();
    let mut depth = 0;
    let inner = &xml[start..end];
    let mut i = 0;
    while let Some(off) = inner[i..].find('<') {
        let at = i + off + 1;
        let close = inner[at..].find('>').unwrap() + at;
        let t = &inner[at..close];
        if let Some(_name) = t.strip_prefix('/') {
            depth -= 1;
        } else if t.ends_with('/') {
            if depth == 0 {
                names.push(
                    t.trim_end_matches('/')
                        .split_whitespace()
                        .next()
                        .unwrap()
                        .to_string(),
                );
            }
        } else {
            if depth == 0 {
                names.push(t.split_whitespace().next().unwrap().to_string());
            }
            depth += 1;
        }
        i = close + 1;
    }
    names
}

/// Pack the real unpacked Dalux solution as an exported solution zip; `flow` adds a
/// workflow (a flow solution must carry the connector too).
fn packed_dalux(flow: bool) -> Vec<u8> {
    let dir = root().join(REAL).join("dalux");
    let xml = std::fs::read_to_string(dir.join("Connectors/la_dalux-5f47.xml")).unwrap();
    let workflows = if flow {
        format!(
            "<Workflows><Workflow WorkflowId=\"{{0d6c8c6b-1f7e-4b7e-9b1c-2a7e3c1d5f10}}\" Name=\"Sample\"><JsonFileName>/{WF}</JsonFileName></Workflow></Workflows>"
        )
    } else {
        "<Workflows />".to_string()
    };
    let cust = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ImportExportXml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" OrganizationVersion=\"9.2.24064.184\" OrganizationSchemaType=\"Standard\" CRMServerServiceabilityVersion=\"9.2.24064.00184\">\n  <Entities />\n  <Roles />\n  {workflows}\n  <FieldSecurityProfiles />\n  <Templates />\n  <EntityMaps />\n  <EntityRelationships />\n  <OrganizationSettings />\n  <optionsets />\n  <CustomControls />\n  <EntityDataProviders />\n  <Connectors>\n{}\n  </Connectors>\n  <Languages>\n    <Language>1033</Language>\n  </Languages>\n</ImportExportXml>",
        connector_element(&xml)
    );
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), b"<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/octet-stream\" /><Default Extension=\"json\" ContentType=\"application/octet-stream\" /><Default Extension=\"Png\" ContentType=\"application/octet-stream\" /></Types>".to_vec()),
        ("customizations.xml".into(), cust.into_bytes()),
        ("solution.xml".into(), std::fs::read(dir.join("Other/Solution.xml")).unwrap()),
        (
            "Connector/la_dalux-5f47_iconblob.Png".into(),
            std::fs::read(root().join(CONTOSO).join("icon.png")).unwrap(),
        ),
    ];
    for suffix in [
        "connectionparameters",
        "policytemplateinstances",
        "openapidefinition",
    ] {
        let f = format!("la_dalux-5f47_{suffix}.json");
        entries.push((
            format!("Connector/{f}"),
            std::fs::read(dir.join("Connectors").join(&f)).unwrap(),
        ));
    }
    if flow {
        entries.push((WF.into(), b"{}".to_vec()));
    }
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, d)| (n.as_str(), d.clone()))
        .collect();
    zip_of(&refs)
}

#[test]
fn verify_package_accepts_a_package_of_real_exported_solutions() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "dalux.zip",
        &package_with(&[
            ("PkgAssets/ConnectorSolution.zip", packed_dalux(false)),
            ("PkgAssets/FlowSolution.zip", packed_dalux(true)),
        ]),
    );
    let (v, _) = verify_json(&p, &[]);
    // The layout checks all pass (the connector itself has certification lint findings,
    // which are not the layout's business).
    assert_eq!(v["findings"], serde_json::json!([]), "{v:#}");
    let kinds: Vec<_> = v["solutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["connector", "flow"]);
}

#[test]
fn generated_solution_has_the_layout_of_real_exports() {
    use connkit::package::build;
    let real = root().join(REAL);
    // Dataverse's escaping, as the real schema names show it ("Dalux_47" → dalux-5f47).
    assert_eq!(build::escape_schema_name("Dalux_47"), "dalux-5f47");
    assert_eq!(
        build::escape_schema_name("Office 365 Management API"),
        "office-20365-20management-20api"
    );

    // The Dalux connector as loose files.
    let dir = tempfile::tempdir().unwrap();
    let c = real.join("dalux/Connectors");
    std::fs::copy(
        c.join("la_dalux-5f47_openapidefinition.json"),
        dir.path().join("apiDefinition.swagger.json"),
    )
    .unwrap();
    let read = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(c.join(f)).unwrap()).unwrap()
    };
    let props = serde_json::json!({"properties": {
        "connectionParameters": read("la_dalux-5f47_connectionparameters.json"),
        "policyTemplateInstances": read("la_dalux-5f47_policytemplateinstances.json"),
        "iconBrandColor": "#007ee5",
        "publisher": "LogiqApps",
        "stackOwner": "Dalux"
    }});
    std::fs::write(dir.path().join("apiProperties.json"), props.to_string()).unwrap();
    std::fs::copy(
        root().join(CONTOSO).join("icon.png"),
        dir.path().join("icon.png"),
    )
    .unwrap();
    let connector = connkit::model::Connector::load_dir(dir.path(), "dalux".into());

    // Named from the real flow solution, as `package` does.
    let flow = packed_dalux(true);
    let id = build::flow_identity(&flow, "FlowSolution.zip", "Dalux Build API(4.7)").unwrap();
    assert_eq!(id.name, "la_dalux-5f47");
    assert_eq!(id.prefix.as_deref(), Some("la"));
    let names = build::SolutionNames::from_connector(&connector, None, Some(&id));
    let generated = build::connector_solution_entries(&connector, &names).unwrap();

    // Same files, same names, same casing as the real solution.
    let files: Vec<&str> = generated.keys().map(String::as_str).collect();
    assert_eq!(
        files,
        [
            "Connector/la_dalux-5f47_connectionparameters.json",
            "Connector/la_dalux-5f47_iconblob.Png",
            "Connector/la_dalux-5f47_openapidefinition.json",
            "Connector/la_dalux-5f47_policytemplateinstances.json",
            "[Content_Types].xml",
            "customizations.xml",
            "solution.xml",
        ]
    );
    // The <Connector> element: the same children in the same order as both real exports,
    // with the same values for the identity and the file references.
    let cust = String::from_utf8(generated["customizations.xml"].clone()).unwrap();
    let gen_children = child_names(&cust, "Connector");
    for real_xml in [
        "dalux/Connectors/la_dalux-5f47.xml",
        "coe/Connectors/admin_5Foffice-20365-20management-20api.xml",
    ] {
        let x = std::fs::read_to_string(real.join(real_xml)).unwrap();
        let x = connector_element(&x);
        assert_eq!(gen_children, child_names(&x, "Connector"), "{real_xml}");
    }
    let real_dalux =
        connector_element(&std::fs::read_to_string(c.join("la_dalux-5f47.xml")).unwrap());
    for el in [
        "connectorid",
        "name",
        "connectortype",
        "openapidefinition",
        "connectionparameters",
        "policytemplateinstances",
        "iconblob",
    ] {
        let pick = |x: &str| {
            let s = x.find(&format!("<{el}>")).unwrap() + el.len() + 2;
            let e = x.find(&format!("</{el}>")).unwrap();
            x[s..e].to_string()
        };
        assert_eq!(pick(&cust), pick(&real_dalux), "<{el}>");
    }
    // customizations.xml: the same top-level elements, in the same order, as the real one.
    let real_cust = String::from_utf8(entry(&packed_dalux(false), "customizations.xml")).unwrap();
    let top = |x: &str| {
        let body = &x[x.find("<ImportExportXml").unwrap()..];
        let body = &body[body.find('>').unwrap() + 1..];
        child_names(
            &format!("<R>{body}").replace("</ImportExportXml>", "</R>"),
            "R",
        )
    };
    assert_eq!(top(&cust), top(&real_cust));
    // solution.xml: the manifest and publisher elements in the real order, the root
    // component typed 372 with the braced connector id.
    let sx = String::from_utf8(generated["solution.xml"].clone()).unwrap();
    let real_sx = std::fs::read_to_string(real.join("dalux/Other/Solution.xml")).unwrap();
    assert_eq!(
        child_names(&sx, "SolutionManifest"),
        child_names(&real_sx, "SolutionManifest")
    );
    assert_eq!(
        child_names(&sx, "Publisher"),
        child_names(&real_sx, "Publisher")
    );
    assert!(sx.contains(
        "<RootComponent type=\"372\" id=\"{f2800871-03e6-4bb2-817e-e8e65610edb0}\" schemaName=\"la_dalux-5f47\" behavior=\"0\" />"
    ));
    assert!(sx.contains("<CustomizationPrefix>la</CustomizationPrefix>"));
    assert!(sx.contains("<CustomizationOptionValuePrefix>12421</CustomizationOptionValuePrefix>"));
}

#[test]
fn a_package_whose_connector_references_double_at_each_level_is_verified_in_bounds() {
    // 40 definitions, each using the previous one twice and through allOf: 3^40 paths when
    // expanded naively (an 8 KB package took gigabytes); bounded expansion reports the size.
    let mut def = contoso_json("apiDefinition.swagger.json");
    let mut defs = serde_json::Map::new();
    defs.insert(
        "D0".into(),
        json!({"type": "object", "properties": {"x": {"type": "string"}}}),
    );
    for k in 1..40 {
        let r = json!({"$ref": format!("#/definitions/D{}", k - 1)});
        defs.insert(
            format!("D{k}"),
            json!({"type": "object", "properties": {"a": r, "b": r}, "allOf": [r]}),
        );
    }
    def["definitions"] = Value::Object(defs);
    def["paths"]["/fan"] = json!({"post": {
        "operationId": "Fan", "summary": "Fan out", "description": "Fans out.",
        "parameters": [{"name": "body", "in": "body", "required": true,
                        "schema": {"$ref": "#/definitions/D39"}}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/D39"}}}
    }});
    let assets = [
        ("PkgAssets/ConnectorSolution.zip", connector_solution(&def)),
        ("PkgAssets/FlowSolution.zip", flow_solution(&def)),
    ];
    let d = tempfile::tempdir().unwrap();
    let pkg = write(d.path(), "package.zip", &package_with(&assets));
    let (v, code) = verify_json(&pkg, &[]);
    assert_eq!(code, 1, "{v}");
    // Both embedded copies of the connector are linted: the size limit is reported.
    for i in 0..2 {
        let c: Vec<&str> = v["connectors"][i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(c.contains(&"BodySchemaCountExceedsMaxAllowed"), "{c:?}");
        assert!(!c.contains(&"InternalError"), "{c:?}");
    }
}
