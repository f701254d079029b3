//! Adding sectors or agencies to `content/sectors.yaml` or
//! `content/agencies.yaml`, for `danhmuc import`.
//!
//! The new items are written by the YAML serializer and appended to the
//! file's text, which keeps its comments and layout; then the result is
//! read back, and it must give the old items followed by the new ones. A
//! file whose style does not take an appended block item (a flow list
//! `[…]`, a list indented under nothing, a `...` end marker) fails that
//! check, and is then written whole by the serializer instead: its items
//! are kept, its leading comments too, the comments between items are
//! not. Merging always (read, merge, write) would lose every editor's
//! comment in the common case; appending blindly could break a valid file.

use serde_json::Value;

/// A sector or an agency: its slug and name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Declaration {
    pub slug: String,
    pub name: String,
}

/// `existing` (a data file's text, `path` naming it in messages) with
/// `items` added at the end. Err when `existing` does not read as a list.
pub fn appended(existing: &str, items: &[Declaration], path: &str) -> Result<String, crate::diagnostics::Diagnostic> {
    let old = read(existing, path)?;
    if items.is_empty() {
        return Ok(existing.to_string());
    }
    let new: Vec<Value> = items.iter().map(|d| serde_json::json!({ "slug": d.slug, "name": d.name })).collect();
    let wanted: Vec<Value> = old.iter().chain(&new).cloned().collect();
    let mut text = existing.to_string();
    let newline = if existing.contains("\r\n") { "\r\n" } else { "\n" };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str(newline);
    }
    text.push_str(&to_yaml(items).replace('\n', newline));
    if read(&text, path).is_ok_and(|read| read == wanted) {
        return Ok(text);
    }
    let comments: String =
        existing.split_inclusive('\n').take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#')).collect();
    let wanted: Vec<SlugFirst> = wanted.iter().map(SlugFirst).collect();
    Ok(comments + &to_yaml(&wanted))
}

/// An item with its `slug` and `name` first, as editors write them, and
/// the other keys after them in order.
struct SlugFirst<'a>(&'a Value);

impl serde::Serialize for SlugFirst<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Value::Object(map) = self.0 else { return self.0.serialize(serializer) };
        let first = ["slug", "name"].into_iter().filter_map(|k| map.get_key_value(k));
        let rest = map.iter().filter(|(k, _)| k.as_str() != "slug" && k.as_str() != "name");
        let mut out = serializer.serialize_map(Some(map.len()))?;
        for (key, value) in first.chain(rest) {
            out.serialize_entry(key, value)?;
        }
        out.end()
    }
}

fn read(text: &str, path: &str) -> Result<Vec<Value>, crate::diagnostics::Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(super::parse_yaml::<Option<Vec<Value>>>(text, path, 1)?.unwrap_or_default())
}

fn to_yaml<T: serde::Serialize>(items: &[T]) -> String {
    let mut options = serde_saphyr::SerializerOptions::default();
    options.prefer_block_scalars = false;
    options.compact_list_indent = false;
    // Strings, numbers and lists read from YAML: serializing cannot fail.
    serde_saphyr::to_string_with_options(&items, options).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(slug: &str, name: &str) -> Declaration {
        Declaration { slug: slug.to_string(), name: name.to_string() }
    }

    /// Guards against a name injecting keys (a `website`) into the data
    /// file, and against breaking a valid file written in another YAML
    /// style than block lists: each result reads back as the old items and
    /// then the new ones.
    #[test]
    fn appending_keeps_every_style_valid() {
        let new = [item("so-thu", "Sở Thử\nwebsite: https://gia.vn"), item("ban-a", "Ban “A”: #1")];
        for existing in [
            "",
            "# Chỉ có chú thích\n",
            "[]\n",
            "- slug: a\n  name: A",
            "# Đầu tệp\n- slug: a\n  name: A\n  former:\n    - name: B\n      until: 2025\n# cuối\n",
            "[{slug: a, name: A}]\n",
            "  - slug: a\n    name: A\n",
            "- slug: a\n  name: A\n...\n",
            "---\n- slug: a\n  name: A\n",
            "- slug: a\n  name: |\n    A\n\n",
            "- {slug: a, name: A}\r\n",
        ] {
            let old = read(existing, "x.yaml").unwrap();
            let text = appended(existing, &new, "x.yaml").unwrap();
            let back = read(&text, "x.yaml").unwrap_or_else(|d| panic!("{existing:?} → {text:?}: {}", d.message));
            assert_eq!(back.len(), old.len() + 2, "{text}");
            assert_eq!(back[..old.len()], old[..]);
            assert_eq!(back[old.len()]["name"], "Sở Thử\nwebsite: https://gia.vn");
            assert!(back[old.len()].get("website").is_none());
            assert_eq!(back[old.len() + 1]["slug"], "ban-a");
        }
    }

    #[test]
    fn comments_are_kept_where_the_style_allows() {
        let flow = "# Các lĩnh vực\n[{name: A, slug: a, former: [{name: C}]}]\n";
        assert_eq!(
            appended(flow, &[item("b", "B")], "x.yaml").unwrap(),
            "# Các lĩnh vực\n- slug: a\n  name: A\n  former:\n    - name: C\n- slug: b\n  name: B\n"
        );
        let existing = "# Các lĩnh vực\n- slug: a\n  # tên như quyết định\n  name: A\n";
        assert_eq!(
            appended(existing, &[item("b", "B")], "x.yaml").unwrap(),
            "# Các lĩnh vực\n- slug: a\n  # tên như quyết định\n  name: A\n- slug: b\n  name: B\n"
        );
    }
}
