//! Reading untrusted zips, in memory, with limits.
//!
//! Nothing here writes to disk. Every archive is read fully into memory under caps that hold
//! across all nesting levels together (one [`Budget`] per package), so a zip bomb, a path that
//! escapes (`../`, `/etc`, `C:\`), a symlink, an encrypted entry, a duplicate name or nesting
//! beyond three levels is refused with a [`Refusal`] naming the entry's path inside the package.

use std::io::Read;

/// Caps applied while reading a package. The defaults are far above any real certification
/// package (a few hundred KB) and far below what would hurt a CI machine.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Largest archive file accepted from disk.
    pub(crate) max_archive_bytes: u64,
    /// Most entries in one archive.
    pub(crate) max_entries: usize,
    /// Largest single uncompressed entry.
    pub(crate) max_entry_bytes: u64,
    /// Total uncompressed bytes over every level of nesting.
    pub(crate) max_total_bytes: u64,
    /// Highest uncompressed/compressed ratio for entries larger than `ratio_floor_bytes`.
    pub(crate) max_ratio: u64,
    /// Entries smaller than this are not ratio-checked (tiny JSON compresses very well).
    pub(crate) ratio_floor_bytes: u64,
    /// Deepest nesting: outer zip = 1, package zip = 2, solution zip = 3.
    pub(crate) max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_archive_bytes: 256 * 1024 * 1024,
            max_entries: 10_000,
            max_entry_bytes: 64 * 1024 * 1024,
            max_total_bytes: 256 * 1024 * 1024,
            max_ratio: 200,
            ratio_floor_bytes: 1024 * 1024,
            max_depth: 3,
        }
    }
}

/// Why a package was refused. `path` is the location inside the nested zips.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub(crate) struct Refusal {
    pub(crate) path: String,
    pub(crate) reason: String,
}

fn refuse(path: &str, reason: impl Into<String>) -> Refusal {
    Refusal {
        path: path.to_string(),
        reason: reason.into(),
    }
}

/// Running totals shared by every archive of one package.
#[derive(Debug)]
pub(crate) struct Budget {
    pub(crate) limits: Limits,
    used: u64,
}

impl Budget {
    pub(crate) fn new(limits: Limits) -> Budget {
        Budget { limits, used: 0 }
    }
}

/// One file entry, read into memory. Directory entries are kept only as names (`is_dir`).
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Normalised name: `/` separators, no leading `./`, no trailing `/`.
    pub(crate) name: String,
    pub(crate) is_dir: bool,
    pub(crate) data: Vec<u8>,
}

/// An archive read fully into memory.
#[derive(Debug, Clone, Default)]
pub(crate) struct Archive {
    /// Where this archive is inside the package (`outer.zip/package.zip`).
    pub(crate) path: String,
    pub(crate) entries: Vec<Entry>,
    /// Entries stored with `\` separators (accepted, reported as a hygiene warning).
    pub(crate) backslash_names: Vec<String>,
}

impl Archive {
    /// Files (not directory entries).
    pub(crate) fn files(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.is_dir)
    }

    /// A file by name, case-insensitively (Windows tools, which the validator runs on, do not
    /// distinguish case).
    pub(crate) fn file(&self, name: &str) -> Option<&Entry> {
        self.files().find(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// Files directly under `dir` ("" for the root).
    pub(crate) fn files_in<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.files()
            .filter(move |e| parent(&e.name).eq_ignore_ascii_case(dir))
    }

    /// Folders directly under `dir` ("" for the root), implied by any entry below them.
    pub(crate) fn folders_in(&self, dir: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in &self.entries {
            let rest = if dir.is_empty() {
                Some(e.name.as_str())
            } else {
                e.name
                    .get(..dir.len())
                    .filter(|p| p.eq_ignore_ascii_case(dir))
                    .and_then(|_| e.name.get(dir.len()..))
                    .and_then(|r| r.strip_prefix('/'))
            };
            let Some(rest) = rest else { continue };
            let folder = match rest.split_once('/') {
                Some((f, _)) => f,
                None if e.is_dir => rest,
                None => continue,
            };
            if !folder.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(folder)) {
                out.push(folder.to_string());
            }
        }
        out.sort();
        out
    }

    /// Whether a top-level folder exists (case-insensitive).
    pub(crate) fn has_folder(&self, name: &str) -> bool {
        self.folders_in("")
            .iter()
            .any(|f| f.eq_ignore_ascii_case(name))
    }

    /// `path` of this archive joined with an entry name.
    pub(crate) fn child_path(&self, name: &str) -> String {
        join(&self.path, name)
    }
}

/// Join two parts of a path inside a package with `/`.
pub(crate) fn join(base: &str, name: &str) -> String {
    if base.is_empty() {
        name.to_string()
    } else {
        format!("{base}/{name}")
    }
}

/// The folder part of a normalised entry name ("" at the root).
pub(crate) fn parent(name: &str) -> &str {
    name.rsplit_once('/').map(|(p, _)| p).unwrap_or("")
}

/// Check an entry name and normalise it, or say why it is refused.
pub(crate) fn normalise_name(raw: &str) -> Result<String, String> {
    if raw.contains('\0') {
        return Err("entry name contains a NUL byte".into());
    }
    let unified = raw.replace('\\', "/");
    if unified.starts_with('/') {
        return Err(format!("entry '{raw}' has an absolute path"));
    }
    let bytes = unified.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Err(format!("entry '{raw}' has a drive letter"));
    }
    let mut parts = Vec::new();
    for part in unified.split('/') {
        match part {
            "" | "." => continue,
            ".." => return Err(format!("entry '{raw}' escapes its folder with '..'")),
            // Windows drops trailing dots and spaces: `.. ` or `...` is `..` there.
            p if p.chars().all(|c| c == '.' || c == ' ') => {
                return Err(format!(
                    "entry '{raw}' has a part made only of dots and spaces, which Windows reads as '..' or '.'"
                ));
            }
            p if p.chars().any(char::is_control) => {
                return Err(format!(
                    "entry '{}' has control characters in its name",
                    raw.escape_debug()
                ));
            }
            p if p.contains(':') => {
                return Err(format!(
                    "entry '{raw}' has ':' in a name (a drive or an alternate data stream)"
                ));
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return Err(format!("entry '{raw}' has an empty name"));
    }
    Ok(parts.join("/"))
}

/// Whether bytes look like a zip (local file header or empty-archive end record).
pub(crate) fn looks_like_zip(data: &[u8]) -> bool {
    data.starts_with(b"PK\x03\x04") || data.starts_with(b"PK\x05\x06")
}

/// Read a whole archive into memory under the budget. `depth` is 1 for the outer zip.
/// Every entry is refused or accepted; a corrupt archive is refused.
pub(crate) fn read_archive(
    bytes: &[u8],
    path: &str,
    depth: usize,
    budget: &mut Budget,
) -> Result<Archive, Refusal> {
    let limits = budget.limits;
    if depth > limits.max_depth {
        return Err(refuse(
            path,
            format!(
                "zip nested {depth} levels deep; at most {} are expected (outer zip, package zip, solution zip)",
                limits.max_depth
            ),
        ));
    }
    if bytes.len() as u64 > limits.max_archive_bytes {
        return Err(refuse(
            path,
            format!(
                "archive is {} bytes, over the {} byte limit",
                bytes.len(),
                limits.max_archive_bytes
            ),
        ));
    }
    // The layout first, by our own walk: counts, offsets and local headers must agree, so
    // that every reader (and the zip crate below) sees the same entries.
    let layout = super::zipcheck::check(bytes, limits.max_entries)
        .map_err(|e| refuse(path, format!("not a readable zip archive (corrupt: {e})")))?;
    let mut names: Vec<&[u8]> = layout.entries.iter().map(|e| e.name.as_slice()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err(refuse(
            path,
            "the archive stores the same entry name twice (which copy wins depends on the tool)",
        ));
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| refuse(path, format!("not a readable zip archive ({e})")))?;
    if zip.len() != layout.entries.len() || zip.offset() != 0 {
        return Err(refuse(
            path,
            format!(
                "not a readable zip archive (corrupt: {} entries in the central directory, but {} as the zip reader sees it)",
                layout.entries.len(),
                zip.len()
            ),
        ));
    }
    let mut archive = Archive {
        path: path.to_string(),
        ..Default::default()
    };
    let mut seen: Vec<String> = Vec::new();
    for i in 0..zip.len() {
        let file = zip
            .by_index_raw(i)
            .map_err(|e| refuse(path, format!("entry #{i} is unreadable ({e})")))?;
        let raw = String::from_utf8_lossy(file.name_raw()).into_owned();
        let shown = join(path, &raw);
        let walked = &layout.entries[i];
        if file.name_raw() != walked.name.as_slice()
            || file.header_start() != walked.local_offset
            || file.compressed_size() != walked.compressed
        {
            return Err(refuse(
                &shown,
                "not a readable zip archive (corrupt: the zip reader sees this entry differently from the central directory)",
            ));
        }
        // The name as Windows and Unix extractors would write it: the stored bytes, whatever
        // name the zip crate derived from them (e.g. from a Unicode Path field).
        if let Ok(n) = file.name()
            && n.as_bytes() != walked.name.as_slice()
        {
            normalise_name(&n).map_err(|r| refuse(&shown, r))?;
        }
        if file.encrypted() {
            return Err(refuse(
                &shown,
                "entry is encrypted; a certification package must not be",
            ));
        }
        if file.is_symlink() {
            return Err(refuse(&shown, "entry is a symbolic link"));
        }
        let name = normalise_name(&raw).map_err(|r| refuse(&shown, r))?;
        let lower = name.to_lowercase();
        if seen.contains(&lower) {
            return Err(refuse(
                &shown,
                "duplicate entry name (names differing only in case or separators collide on Windows)",
            ));
        }
        seen.push(lower);
        if raw.contains('\\') {
            archive.backslash_names.push(raw.clone());
        }
        let is_dir = raw.ends_with('/') || raw.ends_with('\\');
        if is_dir {
            archive.entries.push(Entry {
                name,
                is_dir: true,
                data: Vec::new(),
            });
            continue;
        }
        let declared = file.size();
        let compressed = file.compressed_size();
        if declared > limits.max_entry_bytes {
            return Err(refuse(
                &shown,
                format!(
                    "entry expands to {declared} bytes, over the {} byte limit",
                    limits.max_entry_bytes
                ),
            ));
        }
        drop(file);
        let file = zip
            .by_index(i)
            .map_err(|e| refuse(&shown, format!("entry is unreadable ({e})")))?;
        // Never trust the declared size: read at most one byte past each cap.
        let remaining = limits.max_total_bytes.saturating_sub(budget.used);
        let cap = limits.max_entry_bytes.min(remaining);
        let mut data = Vec::new();
        file.take(cap.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| refuse(&shown, format!("entry is corrupt ({e})")))?;
        let size = data.len() as u64;
        if size > cap {
            return Err(refuse(
                &shown,
                if cap < limits.max_entry_bytes {
                    format!(
                        "the package expands beyond {} bytes in total (zip bomb?)",
                        limits.max_total_bytes
                    )
                } else {
                    format!(
                        "entry expands beyond {} bytes (zip bomb?)",
                        limits.max_entry_bytes
                    )
                },
            ));
        }
        if size > limits.ratio_floor_bytes && size / compressed.max(1) > limits.max_ratio {
            return Err(refuse(
                &shown,
                format!(
                    "entry expands {}x ({compressed} → {size} bytes), over the {}x limit (zip bomb?)",
                    size / compressed.max(1),
                    limits.max_ratio
                ),
            ));
        }
        budget.used += size;
        archive.entries.push(Entry {
            name,
            is_dir: false,
            data,
        });
    }
    Ok(archive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_or_refused() {
        assert_eq!(normalise_name("a\\b.zip").unwrap(), "a/b.zip");
        assert_eq!(normalise_name("./a//b").unwrap(), "a/b");
        assert!(normalise_name("../x").unwrap_err().contains(".."));
        assert!(normalise_name("a/../../x").is_err());
        assert!(
            normalise_name("/etc/passwd")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(normalise_name("\\\\server\\x").is_err());
        assert!(normalise_name("C:/x").unwrap_err().contains("drive"));
        assert!(normalise_name("c:x").is_err());
        assert!(normalise_name("a\0b").is_err());
        assert!(normalise_name("./").is_err());
    }

    #[test]
    fn folders_are_implied_by_paths() {
        let a = Archive {
            path: "p".into(),
            entries: ["PkgAssets/a.zip", "PkgAssets/sub/b.zip", "x.dll"]
                .iter()
                .map(|n| Entry {
                    name: n.to_string(),
                    is_dir: false,
                    data: vec![],
                })
                .collect(),
            backslash_names: vec![],
        };
        assert_eq!(a.folders_in(""), ["PkgAssets"]);
        assert_eq!(a.folders_in("pkgassets"), ["sub"]);
        assert_eq!(a.files_in("PkgAssets").count(), 1);
        assert_eq!(a.files_in("").count(), 1);
        assert!(a.has_folder("PKGASSETS"));
        assert!(!a.has_folder("Connector"));
    }

    #[test]
    fn depth_beyond_limit_is_refused_before_reading() {
        let mut b = Budget::new(Limits::default());
        let r = read_archive(b"not a zip", "a/b/c/d.zip", 4, &mut b).unwrap_err();
        assert!(r.reason.contains("nested 4 levels"), "{r}");
        let r = read_archive(b"not a zip", "x.zip", 1, &mut b).unwrap_err();
        assert!(r.reason.contains("not a readable zip"), "{r}");
    }
}
