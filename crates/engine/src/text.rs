//! Localised text: every string a trainee reads exists in several languages.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language code such as `fr` or `en`.
pub type Lang = String;

/// Languages every scenario must provide.
pub const REQUIRED_LANGUAGES: [&str; 2] = ["fr", "en"];

/// The language used when a translation is missing.
pub const FALLBACK_LANGUAGE: &str = "fr";

/// A text in English and French for authors' messages, each written like
/// `format!` with named captures only:
/// `say!("unknown clue `{id}`", "indice inconnu : `{id}`")`.
#[macro_export]
macro_rules! say {
    ($en:literal, $fr:literal $(,)?) => {
        $crate::text::Text::fr_en(format!($fr), format!($en))
    };
}

/// A text with one translation per language, written in RON as
/// `(fr: "Fugue de nuit", en: "Night runaway")`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Text(BTreeMap<Lang, String>);

impl Text {
    /// A text in French and English.
    pub fn fr_en(fr: impl Into<String>, en: impl Into<String>) -> Self {
        let mut map = BTreeMap::new();
        map.insert("fr".to_owned(), fr.into());
        map.insert("en".to_owned(), en.into());
        Text(map)
    }

    /// The translation for `lang`, else French, else any translation, else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(FALLBACK_LANGUAGE))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The translation for exactly `lang`, if the author wrote one.
    pub fn exact(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// The languages this text is written in.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Every translation, for searching and secrecy checks.
    pub fn translations(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }

    /// Whether no translation has any visible character.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|t| t.trim().is_empty())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            map.serialize_entry(lang, text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// A legal citation: a plain string when it is the same in every language
/// ("CASF L226-2-2 ; Code pénal 226-13"), or a translated text when it
/// carries words ((fr: "… (à confirmer)", en: "… (to be confirmed)")).
pub fn citation<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
    deserializer.deserialize_any(CitationVisitor)
}

/// An optional [`citation`].
pub fn citation_opt<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Text>, D::Error> {
    struct Citation(Text);
    impl<'de> Deserialize<'de> for Citation {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            citation(deserializer).map(Citation)
        }
    }
    Ok(Option::<Citation>::deserialize(deserializer)?.map(|c| c.0))
}

struct CitationVisitor;

impl<'de> Visitor<'de> for CitationVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            r#"a citation such as "CASF L226-2-2", or (fr: "…", en: "…") when it has words"#,
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<Text, A::Error> {
        TextVisitor.visit_map(access)
    }

    fn visit_str<E: de::Error>(self, citation: &str) -> Result<Text, E> {
        Ok(Text::fr_en(citation, citation))
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a translated text such as (fr: "…", en: "…")"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Text, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(lang) = access.next_key::<String>()? {
            let text: String = access.next_value()?;
            if map.insert(lang.clone(), text).is_some() {
                return Err(de::Error::custom(format_args!(
                    "the language `{lang}` is written twice in this text"
                )));
            }
        }
        Ok(Text(map))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Text, E> {
        Err(de::Error::custom(
            r#"a plain string is not enough here: write every language, as in (fr: "…", en: "…")"#,
        ))
    }
}
