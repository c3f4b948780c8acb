//! The structure of an untrusted zip, checked byte by byte before any reader trusts it.
//!
//! Zip readers disagree about damaged archives: Python's `zipfile` and Info-ZIP `unzip` walk
//! the whole central directory whatever the end record's entry count says, some readers
//! trust the count (which wraps at 65,536), some use the local headers' names, some accept
//! data before the first entry or between the directory and its end record. A package that
//! one reader sees as harmless can then be extracted by another to `../../…`.
//!
//! So a package is accepted only when every reader must see the same thing: one end record
//! at the very end (a comment may not hide another), counts and offsets that match what is
//! really there, a central directory that is walked here entry by entry (never trusting the
//! count), local headers that agree with it (name, flags, method, sizes, CRC), entries that
//! tile the file from byte 0 to the directory with no gap and no overlap, and no second name
//! (Info-ZIP Unicode Path field) that differs from the first.
//!
//! Hand-written on purpose: the `zip` crate (the only zip reader in the tree) hides exactly
//! these details (the raw counts, the local header, the bytes between records) behind its
//! reader, and it is the reader whose view has to be confirmed.

/// One central directory entry, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CdEntry {
    /// The name bytes, exactly as in the central directory (and the local header).
    pub(crate) name: Vec<u8>,
    pub(crate) local_offset: u64,
    pub(crate) compressed: u64,
    pub(crate) uncompressed: u64,
    pub(crate) method: u16,
    pub(crate) flags: u16,
    pub(crate) crc: u32,
}

/// The checked layout of an archive.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    /// Central directory entries in directory order.
    pub(crate) entries: Vec<CdEntry>,
}

const EOCD: &[u8; 4] = b"PK\x05\x06";
const EOCD64: &[u8; 4] = b"PK\x06\x06";
const LOCATOR64: &[u8; 4] = b"PK\x06\x07";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const LOCAL: &[u8; 4] = b"PK\x03\x04";
const DESCRIPTOR: &[u8; 4] = b"PK\x07\x08";

/// Flag bits that change how an entry is read: encryption, data descriptor, strong
/// encryption, UTF-8 names, masked local header. Local and central copies must agree.
const FLAGS_THAT_MATTER: u16 = 0x0001 | 0x0008 | 0x0040 | 0x0800 | 0x2000;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at.checked_add(2)?)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(4)?)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(8)?)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(s);
    Some(u64::from_le_bytes(a))
}

fn slice(b: &[u8], at: u64, len: u64) -> Option<&[u8]> {
    let at = usize::try_from(at).ok()?;
    let end = at.checked_add(usize::try_from(len).ok()?)?;
    b.get(at..end)
}

/// The extra fields of a header: `(id, data)` pairs, or `None` when they overrun.
fn extra_fields(extra: &[u8]) -> Option<Vec<(u16, &[u8])>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < extra.len() {
        let id = u16_at(extra, at)?;
        let len = usize::from(u16_at(extra, at + 2)?);
        let data = extra.get(at + 4..at + 4 + len)?;
        out.push((id, data));
        at += 4 + len;
    }
    Some(out)
}

/// Values of a ZIP64 extra field that replace the 32-bit fields set to all ones, in the
/// order of the specification (uncompressed, compressed, offset).
fn zip64_values(
    fields: &[(u16, &[u8])],
    wanted: [bool; 3],
) -> Result<[Option<u64>; 3], &'static str> {
    let mut out = [None; 3];
    if !wanted.iter().any(|w| *w) {
        return Ok(out);
    }
    let Some((_, data)) = fields.iter().find(|(id, _)| *id == 0x0001) else {
        return Err("a size or offset is marked as ZIP64 but the entry has no ZIP64 field");
    };
    let mut at = 0;
    for (i, w) in wanted.iter().enumerate() {
        if *w {
            out[i] = Some(u64_at(data, at).ok_or("a ZIP64 field is too short")?);
            at += 8;
        }
    }
    Ok(out)
}

/// The name in an Info-ZIP Unicode Path field (0x7075), which some readers prefer to the
/// stored name.
fn unicode_path<'a>(fields: &[(u16, &'a [u8])]) -> Option<&'a [u8]> {
    fields
        .iter()
        .find(|(id, _)| *id == 0x7075)
        .map(|(_, d)| d.get(5..).unwrap_or_default())
}

/// Check the whole layout of an archive. `max_entries` bounds the walk (it stops as soon as
/// the directory holds more). The error says what is wrong; the caller calls it corrupt.
pub(crate) fn check(bytes: &[u8], max_entries: usize) -> Result<Layout, String> {
    let len = bytes.len();
    if len < 22 {
        return Err("too short for a zip archive".into());
    }
    // Every reader takes the last end record signature (Python, Info-ZIP): find it in the
    // last 64 KiB + 22 bytes, and require its comment to reach exactly the end of the file.
    let lowest = len.saturating_sub(22 + 0xFFFF);
    let eocd = (lowest..=len - 22)
        .rev()
        .find(|&i| &bytes[i..i + 4] == EOCD)
        .ok_or("no end of central directory record")?;
    let rec = |off: usize| u16_at(bytes, eocd + off).unwrap_or(0);
    let comment_len = usize::from(rec(20));
    if eocd + 22 + comment_len != len {
        return Err(format!(
            "{} bytes after the end of central directory record that its comment does not account for",
            (len - eocd - 22) as i64 - comment_len as i64
        ));
    }
    let comment = &bytes[eocd + 22..];
    if [EOCD, EOCD64, LOCATOR64, CENTRAL, LOCAL]
        .iter()
        .any(|sig| comment.windows(4).any(|w| w == *sig))
    {
        return Err("the archive comment holds zip record signatures (a second directory)".into());
    }
    if rec(4) != 0 || rec(6) != 0 {
        return Err("the archive claims to span several disks".into());
    }
    let (n_disk, n_total) = (u64::from(rec(8)), u64::from(rec(10)));
    let cd_size32 = u32_at(bytes, eocd + 12).unwrap_or(0);
    let cd_offset32 = u32_at(bytes, eocd + 16).unwrap_or(0);

    // ZIP64: a locator right before the end record points to the 64-bit end record, which
    // must sit right before the locator.
    let has_locator = eocd >= 20 && &bytes[eocd - 20..eocd - 16] == LOCATOR64;
    let (count, cd_size, cd_offset, cd_end) = if has_locator {
        let loc = eocd - 20;
        let rec64 = u64_at(bytes, loc + 8).unwrap_or(u64::MAX);
        if u32_at(bytes, loc + 4) != Some(0) || u32_at(bytes, loc + 16) != Some(1) {
            return Err("the ZIP64 locator claims several disks".into());
        }
        let r = usize::try_from(rec64).map_err(|_| "ZIP64 end record offset out of range")?;
        let body = u64_at(bytes, r + 4).ok_or("ZIP64 end record out of range")?;
        if bytes.get(r..r + 4) != Some(EOCD64)
            || (r as u64).checked_add(12).and_then(|x| x.checked_add(body)) != Some(loc as u64)
        {
            return Err("the ZIP64 end record is not where its locator says".into());
        }
        if u32_at(bytes, r + 16) != Some(0) || u32_at(bytes, r + 20) != Some(0) {
            return Err("the ZIP64 end record claims several disks".into());
        }
        let n_disk64 = u64_at(bytes, r + 24).unwrap_or(u64::MAX);
        let n_total64 = u64_at(bytes, r + 32).unwrap_or(u64::MAX);
        let size64 = u64_at(bytes, r + 40).unwrap_or(u64::MAX);
        let off64 = u64_at(bytes, r + 48).unwrap_or(u64::MAX);
        // The 32-bit copies are either "see ZIP64" (all ones) or the same value.
        let agrees = |v32: u64, all_ones: u64, v64: u64| v32 == all_ones || v32 == v64;
        if n_disk64 != n_total64
            || !agrees(n_disk, 0xFFFF, n_disk64)
            || !agrees(n_total, 0xFFFF, n_total64)
            || !agrees(u64::from(cd_size32), 0xFFFF_FFFF, size64)
            || !agrees(u64::from(cd_offset32), 0xFFFF_FFFF, off64)
        {
            return Err("the ZIP64 end record and the end record disagree".into());
        }
        (n_total64, size64, off64, r as u64)
    } else {
        if n_disk != n_total {
            return Err(format!(
                "the end record counts {n_disk} entries on this disk but {n_total} in total"
            ));
        }
        (
            n_total,
            u64::from(cd_size32),
            u64::from(cd_offset32),
            eocd as u64,
        )
    };
    // Nothing between the directory and its end record; nothing hidden before the entries.
    if cd_offset.checked_add(cd_size) != Some(cd_end) {
        return Err(format!(
            "the central directory (offset {cd_offset}, {cd_size} bytes) does not end where the end record starts ({cd_end})"
        ));
    }
    if count > max_entries as u64 {
        return Err(format!(
            "the end record counts {count} entries, over the {max_entries} entry limit"
        ));
    }

    // Walk the directory itself: every header up to its end, whatever the count says.
    let cd = slice(bytes, cd_offset, cd_size).ok_or("central directory out of range")?;
    let mut entries: Vec<CdEntry> = Vec::new();
    let mut at = 0usize;
    while at < cd.len() {
        if entries.len() >= max_entries {
            return Err(format!(
                "the central directory holds more than {max_entries} entries (the entry limit)"
            ));
        }
        let n = entries.len();
        if cd.get(at..at + 4) != Some(CENTRAL) || cd.len() - at < 46 {
            return Err(format!(
                "central directory entry #{n} is not a valid header (offset {})",
                cd_offset + at as u64
            ));
        }
        let flags = u16_at(cd, at + 8).unwrap_or(0);
        let method = u16_at(cd, at + 10).unwrap_or(0);
        let crc = u32_at(cd, at + 16).unwrap_or(0);
        let csize32 = u32_at(cd, at + 20).unwrap_or(0);
        let usize32 = u32_at(cd, at + 24).unwrap_or(0);
        let name_len = usize::from(u16_at(cd, at + 28).unwrap_or(0));
        let extra_len = usize::from(u16_at(cd, at + 30).unwrap_or(0));
        let comment_len = usize::from(u16_at(cd, at + 32).unwrap_or(0));
        let disk = u16_at(cd, at + 34).unwrap_or(0);
        let off32 = u32_at(cd, at + 42).unwrap_or(0);
        let end = at + 46 + name_len + extra_len + comment_len;
        let (Some(name), Some(extra)) = (
            cd.get(at + 46..at + 46 + name_len),
            cd.get(at + 46 + name_len..at + 46 + name_len + extra_len),
        ) else {
            return Err(format!(
                "central directory entry #{n} runs past the directory"
            ));
        };
        if end > cd.len() {
            return Err(format!(
                "central directory entry #{n} runs past the directory"
            ));
        }
        if disk != 0 {
            return Err(format!("entry #{n} claims to start on another disk"));
        }
        let shown = String::from_utf8_lossy(name);
        let fields = extra_fields(extra)
            .ok_or_else(|| format!("entry '{shown}': its extra fields overrun the header"))?;
        let [u64v, c64v, o64v] = zip64_values(
            &fields,
            [usize32 == u32::MAX, csize32 == u32::MAX, off32 == u32::MAX],
        )
        .map_err(|e| format!("entry '{shown}': {e}"))?;
        let uncompressed = u64v.unwrap_or(u64::from(usize32));
        let compressed = c64v.unwrap_or(u64::from(csize32));
        let local_offset = o64v.unwrap_or(u64::from(off32));
        if let Some(alt) = unicode_path(&fields)
            && alt != name
        {
            return Err(format!(
                "entry '{shown}' carries a second name ('{}') in a Unicode Path field; readers disagree on which one to use",
                String::from_utf8_lossy(alt)
            ));
        }
        check_local(
            bytes,
            &shown,
            name,
            LocalExpect {
                offset: local_offset,
                flags,
                method,
                crc,
                compressed,
                uncompressed,
            },
        )?;
        entries.push(CdEntry {
            name: name.to_vec(),
            local_offset,
            compressed,
            uncompressed,
            method,
            flags,
            crc,
        });
        at = end;
    }
    if entries.len() as u64 != count {
        return Err(format!(
            "the end record counts {count} entries but the central directory holds {} (readers would see different files)",
            entries.len()
        ));
    }
    check_tiling(bytes, &entries, cd_offset)?;
    Ok(Layout { entries })
}

struct LocalExpect {
    offset: u64,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    uncompressed: u64,
}

/// The local header of an entry must say what the central directory says.
fn check_local(bytes: &[u8], shown: &str, name: &[u8], e: LocalExpect) -> Result<(), String> {
    let bad = |what: &str| format!("entry '{shown}': {what}");
    let h = slice(bytes, e.offset, 30).ok_or_else(|| bad("its local header is out of range"))?;
    if &h[..4] != LOCAL {
        return Err(bad("no local header where the central directory points"));
    }
    let at = e.offset as usize;
    let flags = u16_at(h, 6).unwrap_or(0);
    let method = u16_at(h, 8).unwrap_or(0);
    let crc = u32_at(h, 14).unwrap_or(0);
    let csize32 = u32_at(h, 18).unwrap_or(0);
    let usize32 = u32_at(h, 22).unwrap_or(0);
    let name_len = usize::from(u16_at(h, 26).unwrap_or(0));
    let extra_len = usize::from(u16_at(h, 28).unwrap_or(0));
    let local_name = bytes
        .get(at + 30..at + 30 + name_len)
        .ok_or_else(|| bad("its local header is out of range"))?;
    let extra = bytes
        .get(at + 30 + name_len..at + 30 + name_len + extra_len)
        .ok_or_else(|| bad("its local header is out of range"))?;
    if local_name != name {
        return Err(bad(&format!(
            "the local header names it '{}' (readers disagree on the name)",
            String::from_utf8_lossy(local_name)
        )));
    }
    if (flags ^ e.flags) & FLAGS_THAT_MATTER != 0 {
        return Err(bad(
            "the local header's flags differ from the central directory's",
        ));
    }
    if method != e.method {
        return Err(bad(
            "the local header's compression method differs from the central directory's",
        ));
    }
    let fields = extra_fields(extra).ok_or_else(|| bad("its extra fields overrun the header"))?;
    if let Some(alt) = unicode_path(&fields)
        && alt != name
    {
        return Err(bad(
            "its local header carries a second name in a Unicode Path field",
        ));
    }
    if flags & 0x0008 == 0 {
        let z64 = fields.iter().find(|(id, _)| *id == 0x0001).map(|(_, d)| *d);
        // In a local header the ZIP64 field holds both sizes whenever either is all ones.
        let (usize_l, csize_l) = if usize32 == u32::MAX || csize32 == u32::MAX {
            let d = z64.ok_or_else(|| bad("ZIP64 sizes without a ZIP64 field"))?;
            (
                u64_at(d, 0).ok_or_else(|| bad("a ZIP64 field is too short"))?,
                u64_at(d, 8).ok_or_else(|| bad("a ZIP64 field is too short"))?,
            )
        } else {
            (u64::from(usize32), u64::from(csize32))
        };
        if crc != e.crc || csize_l != e.compressed || usize_l != e.uncompressed {
            return Err(bad(
                "the local header's sizes or CRC differ from the central directory's",
            ));
        }
    }
    Ok(())
}

/// Entries, in offset order, must cover the file from byte 0 to the central directory with
/// no gap (hidden data another reader could take for a directory) and no overlap.
fn check_tiling(bytes: &[u8], entries: &[CdEntry], cd_offset: u64) -> Result<(), String> {
    let mut spans: Vec<(u64, u64, &CdEntry)> = Vec::with_capacity(entries.len());
    for e in entries {
        let at = e.local_offset as usize;
        let name_len = u64::from(u16_at(bytes, at + 26).unwrap_or(0));
        let extra_len = u64::from(u16_at(bytes, at + 28).unwrap_or(0));
        let data_end = e.local_offset + 30 + name_len + extra_len + e.compressed;
        let mut end = data_end;
        if e.flags & 0x0008 != 0 {
            end = descriptor_end(bytes, e, data_end, extra_len > 0).ok_or_else(|| {
                format!(
                    "entry '{}': its data descriptor is missing or differs from the central directory",
                    String::from_utf8_lossy(&e.name)
                )
            })?;
        }
        spans.push((e.local_offset, end, e));
    }
    spans.sort_by_key(|s| s.0);
    let mut pos = 0u64;
    for (start, end, e) in &spans {
        if *start != pos {
            let shown = String::from_utf8_lossy(&e.name);
            return Err(if *start < pos {
                format!("entry '{shown}' overlaps the entry before it")
            } else {
                format!(
                    "{} unaccounted bytes before entry '{shown}' (offset {pos})",
                    start - pos
                )
            });
        }
        pos = *end;
    }
    if pos != cd_offset {
        return Err(if pos > cd_offset {
            "the last entry runs into the central directory".to_string()
        } else {
            format!(
                "{} unaccounted bytes between the last entry and the central directory",
                cd_offset - pos
            )
        });
    }
    Ok(())
}

/// Where an entry's data descriptor ends, when it matches the central directory.
fn descriptor_end(bytes: &[u8], e: &CdEntry, data_end: u64, maybe_zip64: bool) -> Option<u64> {
    let at = usize::try_from(data_end).ok()?;
    let signed = bytes.get(at..at + 4) == Some(DESCRIPTOR);
    let body = if signed { at + 4 } else { at };
    let mut candidates = vec![(12usize, false)];
    if maybe_zip64 {
        candidates.push((20, true));
    }
    for (len, wide) in candidates {
        let Some(crc) = u32_at(bytes, body) else {
            continue;
        };
        let (c, u) = if wide {
            (u64_at(bytes, body + 4)?, u64_at(bytes, body + 12)?)
        } else {
            (
                u64::from(u32_at(bytes, body + 4)?),
                u64::from(u32_at(bytes, body + 8)?),
            )
        };
        if crc == e.crc && c == e.compressed && u == e.uncompressed {
            return Some((body + len) as u64);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// One entry for the byte-by-byte writer below: stored, with whatever a well-behaved
    /// writer refuses to produce.
    #[derive(Default, Clone)]
    struct E<'a> {
        name: &'a str,
        local_name: Option<&'a str>,
        data: &'a [u8],
        cd_extra: Vec<u8>,
        local_extra: Vec<u8>,
    }

    fn e<'a>(name: &'a str, data: &'a [u8]) -> E<'a> {
        E {
            name,
            data,
            ..Default::default()
        }
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

    /// (local records, central directory, end record) so that tests can put bytes between.
    fn parts(entries: &[E<'_>], prefix: usize) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let mut out = Vec::new();
        let mut cd = Vec::new();
        for e in entries {
            let offset = (prefix + out.len()) as u32;
            let crc = crc32(e.data);
            let n = e.name.as_bytes();
            let ln = e.local_name.unwrap_or(e.name).as_bytes();
            out.extend(LOCAL);
            out.extend(20u16.to_le_bytes());
            out.extend([0u8; 4]); // flags, stored
            out.extend([0u8, 0, 0x21, 0]);
            out.extend(crc.to_le_bytes());
            out.extend((e.data.len() as u32).to_le_bytes());
            out.extend((e.data.len() as u32).to_le_bytes());
            out.extend((ln.len() as u16).to_le_bytes());
            out.extend((e.local_extra.len() as u16).to_le_bytes());
            out.extend(ln);
            out.extend(&e.local_extra);
            out.extend(e.data);
            cd.extend(CENTRAL);
            cd.extend(20u16.to_le_bytes());
            cd.extend(20u16.to_le_bytes());
            cd.extend([0u8; 4]);
            cd.extend([0u8, 0, 0x21, 0]);
            cd.extend(crc.to_le_bytes());
            cd.extend((e.data.len() as u32).to_le_bytes());
            cd.extend((e.data.len() as u32).to_le_bytes());
            cd.extend((n.len() as u16).to_le_bytes());
            cd.extend((e.cd_extra.len() as u16).to_le_bytes());
            cd.extend([0u8; 10]); // comment, disk, internal, external
            cd.extend(offset.to_le_bytes());
            cd.extend(n);
            cd.extend(&e.cd_extra);
        }
        let mut end = Vec::new();
        end.extend(EOCD);
        end.extend([0u8; 4]);
        end.extend((entries.len() as u16).to_le_bytes());
        end.extend((entries.len() as u16).to_le_bytes());
        end.extend((cd.len() as u32).to_le_bytes());
        end.extend(((prefix + out.len()) as u32).to_le_bytes());
        end.extend(0u16.to_le_bytes());
        (out, cd, end)
    }

    fn build(entries: &[E<'_>]) -> Vec<u8> {
        let (a, b, c) = parts(entries, 0);
        [a, b, c].concat()
    }

    fn err(bytes: &[u8]) -> String {
        check(bytes, 10_000).unwrap_err()
    }

    fn eocd_at(z: &[u8]) -> usize {
        z.len() - 22
    }

    #[test]
    fn archives_written_by_the_zip_crate_pass() {
        let mut m = std::collections::BTreeMap::new();
        m.insert("a/b.json".to_string(), b"{}".to_vec());
        m.insert("c.md".to_string(), vec![b'x'; 5000]);
        let z = crate::package::build::write_zip(&m).unwrap();
        assert_eq!(check(&z, 10).unwrap().entries.len(), 2);
        // Streamed: data descriptors after each entry.
        let mut w = zip::ZipWriter::new_stream(Vec::new());
        let o = zip::write::SimpleFileOptions::default();
        w.start_file("x.txt", o).unwrap();
        w.write_all(&[7u8; 3000]).unwrap();
        w.start_file("y.txt", o).unwrap();
        w.write_all(b"y").unwrap();
        let z = w.finish().unwrap().into_inner();
        assert_eq!(check(&z, 10).unwrap().entries.len(), 2);
        // Empty archive.
        let z = build(&[]);
        assert!(check(&z, 10).unwrap().entries.is_empty());
        assert!(check(&build(&[e("a", b"1"), e("b", b"")]), 10).is_ok());
    }

    #[test]
    fn a_count_shorter_than_the_directory_is_refused() {
        let mut z = build(&[e("intro.md", b"x"), e("../evil.txt", b"x")]);
        let at = eocd_at(&z);
        z[at + 8..at + 12].copy_from_slice(&[1, 0, 1, 0]);
        assert!(err(&z).contains("counts 1 entries but the central directory holds 2"));
        // Longer than the directory too.
        let mut z = build(&[e("intro.md", b"x")]);
        let at = eocd_at(&z);
        z[at + 8..at + 12].copy_from_slice(&[2, 0, 2, 0]);
        assert!(err(&z).contains("counts 2 entries"));
        // Disk and total counts that disagree.
        let mut z = build(&[e("intro.md", b"x")]);
        let at = eocd_at(&z);
        z[at + 8] = 0;
        assert!(err(&z).contains("on this disk"));
    }

    #[test]
    fn a_count_that_wraps_at_65536_is_refused_by_walking_the_directory() {
        let names: Vec<String> = (0..65_537).map(|i| format!("{i:x}")).collect();
        let entries: Vec<E<'_>> = names.iter().map(|n| e(n, b"")).collect();
        let z = build(&entries);
        let at = eocd_at(&z);
        assert_eq!(&z[at + 10..at + 12], &[1, 0], "the count wrapped");
        // With a limit above the real count, the walk still finds the mismatch.
        assert!(check(&z, 100_000).unwrap_err().contains("counts 1 entries"));
        // The entry limit holds on the real count, not on the wrapped one.
        assert!(check(&z, 10_000).unwrap_err().contains("entry limit"));
    }

    #[test]
    fn a_directory_offset_on_an_inner_zips_directory_is_refused() {
        let inner = build(&[e("../../evil.txt", b"pwned")]);
        let mut z = build(&[e("intro.md", b"x"), e("package.zip", &inner)]);
        // Point the outer end record at the inner directory (stored, so its bytes are there).
        let inner_at = z.windows(inner.len()).position(|w| w == inner).unwrap();
        let (_, inner_cd, _) = parts(&[e("../../evil.txt", b"pwned")], 0);
        let cd_at = inner_at + inner.len() - 22 - inner_cd.len();
        let at = eocd_at(&z);
        z[at + 8..at + 12].copy_from_slice(&[1, 0, 1, 0]);
        z[at + 12..at + 16].copy_from_slice(&(inner_cd.len() as u32).to_le_bytes());
        z[at + 16..at + 20].copy_from_slice(&(cd_at as u32).to_le_bytes());
        assert!(
            err(&z).contains("does not end where the end record starts"),
            "{}",
            err(&z)
        );
    }

    #[test]
    fn local_and_central_names_must_agree() {
        let z = build(&[E {
            local_name: Some("../x.md"),
            ..e("intro.md", b"x")
        }]);
        assert!(err(&z).contains("local header names it '../x.md'"));
        // Sizes too.
        let mut z = build(&[e("intro.md", b"hello")]);
        z[18] = 4; // local compressed size
        assert!(err(&z).contains("sizes or CRC differ"));
        // Method.
        let mut z = build(&[e("intro.md", b"hello")]);
        z[8] = 8;
        assert!(err(&z).contains("compression method"));
        // No local header where the directory points.
        let mut z = build(&[e("intro.md", b"hello")]);
        z[0] = b'X';
        assert!(err(&z).contains("no local header"));
    }

    #[test]
    fn a_second_name_in_a_unicode_path_field_is_refused() {
        let mut extra = vec![0x75, 0x70];
        let alt = b"../../evil.txt";
        extra.extend(((5 + alt.len()) as u16).to_le_bytes());
        extra.push(1);
        extra.extend(crc32(b"intro.md").to_le_bytes());
        extra.extend(alt);
        let z = build(&[E {
            cd_extra: extra.clone(),
            ..e("intro.md", b"x")
        }]);
        assert!(err(&z).contains("second name"));
        let z = build(&[E {
            local_extra: extra,
            ..e("intro.md", b"x")
        }]);
        assert!(err(&z).contains("second name"));
    }

    #[test]
    fn bytes_before_between_or_after_are_refused() {
        let entries = [e("intro.md", b"x")];
        // Before, offsets unchanged (readers that adjust for a prefix see the entries).
        let z = [b"junk".to_vec(), build(&entries)].concat();
        assert!(err(&z).contains("does not end where"), "{}", err(&z));
        // Before, with every offset shifted to match (a self-extracting stub).
        let (a, b, c) = parts(&entries, 4);
        let z = [b"junk".to_vec(), a, b, c].concat();
        assert!(
            err(&z).contains("4 unaccounted bytes before"),
            "{}",
            err(&z)
        );
        // Between the entries and the directory.
        let (a, b, c) = parts(&entries, 0);
        let mut c2 = c.clone();
        c2[16..20].copy_from_slice(&((a.len() + 3) as u32).to_le_bytes());
        let z = [a.clone(), b"abc".to_vec(), b.clone(), c2].concat();
        assert!(err(&z).contains("unaccounted bytes between"), "{}", err(&z));
        // Between the directory and the end record.
        let z = [a.clone(), b.clone(), b"abc".to_vec(), c.clone()].concat();
        assert!(err(&z).contains("does not end where"));
        // After the end record.
        let z = [a.clone(), b.clone(), c.clone(), b"abc".to_vec()].concat();
        assert!(
            err(&z).contains("after the end of central directory"),
            "{}",
            err(&z)
        );
        // A comment hiding a second end record.
        let mut c3 = c.clone();
        let fake = build(&[e("../evil", b"")]);
        c3[20..22].copy_from_slice(&(fake.len() as u16).to_le_bytes());
        let z = [a.clone(), b.clone(), c3, fake].concat();
        assert!(check(&z, 10).is_err());
        // A plain comment is fine.
        let mut c4 = c.clone();
        c4[20..22].copy_from_slice(&5u16.to_le_bytes());
        let z = [a, b, c4, b"hello".to_vec()].concat();
        assert!(check(&z, 10).is_ok());
    }

    #[test]
    fn overlapping_entries_are_refused() {
        let mut z = build(&[e("a.txt", b"x"), e("b.txt", b"y")]);
        // Point the second directory entry at the first local header.
        let cd = z.len() - 22 - 2 * (46 + 5);
        let second = cd + 46 + 5;
        z[second + 42..second + 46].copy_from_slice(&0u32.to_le_bytes());
        assert!(check(&z, 10).is_err());
    }

    #[test]
    fn garbage_never_panics() {
        for len in 0..200 {
            let mut z = build(&[e("a.txt", b"hello"), e("b/c.txt", b"")]);
            z.truncate(len.min(z.len()));
            let _ = check(&z, 10);
        }
        let z = build(&[e("a.txt", b"hello")]);
        for i in 0..z.len() {
            for v in [0u8, 0xff, 1] {
                let mut y = z.clone();
                y[i] = v;
                let _ = check(&y, 10);
            }
        }
    }
}
