//! Fast reads of parsed JSON objects.
//!
//! serde_json's maps hash every key looked up with SipHash. Code that reads several keywords
//! of every schema object (expansion, the schema index) pays that per keyword per object; one
//! pass over a small object's members, comparing keys, is several times cheaper.

use serde_json::Value;

/// Objects with more members than this are read through the map's hash index.
const LINEAR_MAX: usize = 16;

/// The values of `keys` in object `v` (all `None` for a non-object), in one pass over its
/// members when the object is small.
pub(crate) fn fields<'a, const N: usize>(v: &'a Value, keys: [&str; N]) -> [Option<&'a Value>; N] {
    let mut out = [None; N];
    let Some(m) = v.as_object() else {
        return out;
    };
    if m.len() <= LINEAR_MAX {
        for (k, val) in m {
            if let Some(i) = keys.iter().position(|x| *x == k) {
                out[i] = Some(val);
            }
        }
    } else {
        for (slot, k) in out.iter_mut().zip(keys) {
            *slot = m.get(k);
        }
    }
    out
}

/// `v.get(key)` for an object, by scanning small objects instead of hashing the key.
pub(crate) fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    let [f] = fields(v, [key]);
    f
}

/// A string field of an object.
pub(crate) fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    field(v, key).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn small_and_large_objects_read_the_same() {
        let small = json!({"type": "object", "properties": {}, "x": 1});
        assert_eq!(
            fields(&small, ["properties", "items", "type"]),
            [Some(&json!({})), None, Some(&json!("object"))]
        );
        let mut big = serde_json::Map::new();
        for i in 0..40 {
            big.insert(format!("k{i}"), json!(i));
        }
        let big = Value::Object(big);
        assert_eq!(
            fields(&big, ["k39", "nope", "k0"]),
            [Some(&json!(39)), None, Some(&json!(0))]
        );
        assert_eq!(field(&json!([1]), "a"), None);
        assert_eq!(field(&json!("s"), "a"), None);
    }
}
