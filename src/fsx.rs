//! Every file connkit reads or writes goes through here.
//!
//! connkit reads files from pull requests (which can commit symlinks, and in a checkout a
//! symlink can point at `/dev/zero`, a FIFO or `/proc/self/environ`) and often runs as root,
//! so:
//!
//! - **Reading** ([`read_capped`], [`read_in_folder`]): only regular files, opened without
//!   blocking (a FIFO cannot hang the run), at most `cap` bytes whatever the file claims its
//!   size is, never from `/proc`, `/sys` or `/dev`. Connector files must not be symlinks
//!   out of their own folder: their content is printed as excerpts.
//! - **Writing** ([`write_output`], [`rewrite`]): only ever a regular file (or a new one) is
//!   replaced, atomically (a temporary file in the same folder, then a rename, through
//!   `tempfile`), never an input of the same run; a rewrite in place keeps the file's mode
//!   and owner, writes through a symlink to its target when that stays in the file's
//!   folder, and refuses read-only files.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest configuration, baseline, accept list or connector file read (the platform
/// refuses definitions over 1 MB; 32× that leaves room for every real file).
pub(crate) const MAX_TEXT_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    Io(std::io::Error),
    /// A FIFO, device, socket, folder, or a file of a kernel pseudo-filesystem.
    NotRegular(&'static str),
    TooLarge {
        size: u64,
        cap: u64,
    },
    /// A symlink that leaves the folder it is in.
    OutsideFolder(PathBuf),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotRegular(what) => write!(f, "not a regular file ({what})"),
            ReadError::TooLarge { size, cap } => {
                write!(f, "{size} bytes, over the {cap} byte limit")
            }
            ReadError::OutsideFolder(t) => write!(
                f,
                "a symbolic link to {}, outside its folder; connkit does not follow it",
                t.display()
            ),
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

fn kind_of(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a folder"
    } else if ft.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// Files of kernel pseudo-filesystems look regular (size 0) but are not the user's data.
fn is_pseudo(canonical: &Path) -> bool {
    cfg!(unix)
        && ["/proc", "/sys", "/dev"]
            .iter()
            .any(|p| canonical.starts_with(p))
}

fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading blocks until a writer appears; a terminal could become
        // the controlling one. The type is checked on the open handle right after.
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    o.open(path)
}

/// Read a regular file of at most `cap` bytes (symlinks are followed, except into
/// `/proc`, `/sys`, `/dev`). For files named on the command line.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    if let Ok(c) = std::fs::canonicalize(path)
        && is_pseudo(&c)
    {
        return Err(ReadError::NotRegular("a kernel or device file"));
    }
    let f = open_nonblocking(path)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta.file_type())));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            cap,
        });
    }
    // Never trust the size: read at most one byte past the cap.
    let mut data = Vec::with_capacity(meta.len() as usize);
    f.take(cap.saturating_add(1)).read_to_end(&mut data)?;
    if data.len() as u64 > cap {
        return Err(ReadError::TooLarge {
            size: data.len() as u64,
            cap,
        });
    }
    Ok(data)
}

/// [`read_capped`] as UTF-8 text, with the path in the message.
pub(crate) fn read_text(path: &Path, cap: u64) -> Result<String, String> {
    let bytes = read_capped(path, cap).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The folder a file is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Where a symlink leads, when it stays inside the folder the link is in.
fn resolve_within_folder(path: &Path) -> Result<PathBuf, ReadError> {
    let folder = std::fs::canonicalize(folder_of(path))?;
    let target = std::fs::canonicalize(path)?;
    if target.starts_with(&folder) && !is_pseudo(&target) {
        Ok(target)
    } else {
        Err(ReadError::OutsideFolder(target))
    }
}

/// Read a connector file: [`read_capped`], and a symlink is followed only when its target
/// is inside the file's own folder (a committed link to `/proc/self/environ` or to a file
/// elsewhere on the machine would otherwise be printed as the connector's source).
pub(crate) fn read_in_folder(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        let target = resolve_within_folder(path)?;
        return read_capped(&target, cap);
    }
    read_capped(path, cap)
}

/// The identity of an existing file (device and inode on unix, the canonical path elsewhere).
#[derive(Debug, PartialEq, Eq)]
struct Identity(Option<(u64, u64)>, PathBuf);

fn identity(path: &Path) -> Option<Identity> {
    let meta = std::fs::metadata(path).ok()?;
    let canonical = std::fs::canonicalize(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(Identity(Some((meta.dev(), meta.ino())), canonical))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some(Identity(None, canonical))
    }
}

fn same_file(a: &Identity, b: &Identity) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x == y,
        _ => a.1 == b.1,
    }
}

fn is_read_only(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        // Checked on the mode bits, not with access(2): root may write anything, and a
        // file its owner made read-only must still not be rewritten behind their back.
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o222 == 0
    }
    #[cfg(not(unix))]
    {
        meta.permissions().readonly()
    }
}

/// Replace the regular file (or create the new file) at `path` atomically. `existing` is
/// its metadata when it exists: mode and owner are kept.
fn replace_regular(
    path: &Path,
    bytes: &[u8],
    existing: Option<&std::fs::Metadata>,
) -> Result<(), String> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".connkit-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing.map_or(0o666, |m| m.permissions().mode() & 0o777);
        // New files get 0666 less the umask, like any other tool's output.
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    // tempfile's error names the random temporary path, which means nothing to the user:
    // say which file could not be written, and why, in the words of the error's kind.
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        if !dir.is_dir() {
            format!(
                "{}: the folder {} does not exist; create it first",
                path.display(),
                dir.display()
            )
        } else {
            format!(
                "{}: cannot write into {}: {}",
                path.display(),
                dir.display(),
                std::io::Error::from(e.kind())
            )
        }
    })?;
    #[cfg(unix)]
    if let Some(m) = existing {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let t = tmp
            .as_file()
            .metadata()
            .map_err(|e| format!("{}: {e}", tmp.path().display()))?;
        if (t.uid(), t.gid()) != (m.uid(), m.gid()) {
            std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid())).map_err(
                |e| {
                    format!(
                        "{}: cannot keep its owner ({}:{}): {e}; not rewritten",
                        path.display(),
                        m.uid(),
                        m.gid()
                    )
                },
            )?;
        }
        // The umask may have narrowed the mode given at creation; chown clears set-id bits.
        let mode = m.permissions().mode() & 0o777;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| format!("{}: {e}", tmp.path().display()))?;
    }
    #[cfg(not(unix))]
    let _ = existing;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("{}: {e}", tmp.path().display()))?;
    let persisted = if existing.is_some() {
        tmp.persist(path).map(drop)
    } else {
        // Nothing was there: anything that appeared meanwhile is not ours to replace.
        tmp.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| format!("{}: {}", path.display(), e.error))
}

/// Check what is at `path` before replacing it: nothing, or a writable regular file.
fn replaceable(path: &Path, meta: &std::fs::Metadata) -> Result<(), String> {
    if !meta.is_file() {
        return Err(format!(
            "{}: is {}; connkit only replaces regular files",
            path.display(),
            kind_of(&meta.file_type())
        ));
    }
    if is_read_only(meta) {
        return Err(format!(
            "{}: is read-only; not rewritten (make it writable first)",
            path.display()
        ));
    }
    Ok(())
}

/// Write an output file (a package, a report, a baseline, a converted connector): create
/// it, or replace a regular file, atomically. Never a symlink, device, FIFO or folder, never
/// a read-only file, never one of `inputs` (the files this run reads).
pub(crate) fn write_output(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), String> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    if let Some(m) = &existing {
        replaceable(path, m)?;
        if let Some(out) = identity(path)
            && inputs
                .iter()
                .filter_map(|i| identity(i))
                .any(|i| same_file(&i, &out))
        {
            return Err(format!(
                "{}: is an input of this run; choose another output path",
                path.display()
            ));
        }
    }
    replace_regular(path, bytes, existing.as_ref())
}

/// Rewrite a file in place (`fmt`, `lint --fix`): it must exist; mode and owner are kept;
/// a symlink is written through to its target when the target is in the link's folder
/// (the link stays a link), and refused otherwise.
pub(crate) fn rewrite(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let link = std::fs::symlink_metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let real = if link.file_type().is_symlink() {
        resolve_within_folder(path).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        path.to_path_buf()
    };
    let meta = std::fs::symlink_metadata(&real).map_err(|e| format!("{}: {e}", real.display()))?;
    replaceable(path, &meta)?;
    replace_regular(&real, bytes, Some(&meta))
}

/// Create a folder of new files whole: written beside it, then renamed into place, so that a
/// failure leaves nothing. `dir` must not exist.
pub(crate) fn create_folder(dir: &Path, files: &[(&str, Vec<u8>)]) -> Result<(), String> {
    let parent = folder_of(dir);
    std::fs::create_dir_all(parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".connkit-");
    #[cfg(unix)]
    {
        // An ordinary folder: 0777 less the umask (tempfile's default is 0700).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let tmp = builder
        .tempdir_in(parent)
        .map_err(|e| format!("cannot create a folder in {}: {e}", parent.display()))?;
    for (name, bytes) in files {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))?;
    }
    let tmp = tmp.keep();
    std::fs::rename(&tmp, dir).map_err(|e| {
        let _ = std::fs::remove_dir_all(&tmp);
        format!("cannot write {}: {e}", dir.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_capped_whatever_the_size() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_capped(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_capped(&p, 4),
            Err(ReadError::TooLarge { size: 5, cap: 4 })
        ));
        assert!(matches!(
            read_capped(d.path(), 4),
            Err(ReadError::NotRegular(_))
        ));
        assert!(matches!(
            read_capped(&d.path().join("missing"), 4),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn kernel_files_are_recognised_by_path_only() {
        assert!(!is_pseudo(Path::new("/procurement/x")));
        assert!(!is_pseudo(Path::new("/home/u/proc")));
        if cfg!(unix) {
            assert!(is_pseudo(Path::new("/proc/self/environ")));
            assert!(is_pseudo(Path::new("/dev/zero")));
            assert!(is_pseudo(Path::new("/sys/x")));
        }
    }

    #[test]
    fn outputs_are_created_or_replaced_atomically() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.json");
        write_output(&p, b"one", &[]).unwrap();
        write_output(&p, b"two", &[]).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(d.path()).unwrap().count(),
            1,
            "no temp file left"
        );
        let err = write_output(&p, b"three", std::slice::from_ref(&p)).unwrap_err();
        assert!(err.contains("is an input of this run"), "{err}");
        let err = write_output(d.path(), b"x", &[]).unwrap_err();
        assert!(err.contains("is a folder"), "{err}");
        assert!(rewrite(&d.path().join("missing"), b"x").is_err());
    }

    #[test]
    fn a_new_folder_appears_whole() {
        let d = tempfile::tempdir().unwrap();
        let c = d.path().join("new/conn");
        create_folder(
            &c,
            &[("a.json", b"{}".to_vec()), ("b.json", b"[]".to_vec())],
        )
        .unwrap();
        assert_eq!(std::fs::read(c.join("b.json")).unwrap(), b"[]");
        assert_eq!(std::fs::read_dir(d.path().join("new")).unwrap().count(), 1);
    }
}
