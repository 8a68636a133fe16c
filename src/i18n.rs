//! Every UI string goes through Fluent: `assets/i18n/fr.ftl` and `en.ftl`.

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};

const FR: &str = include_str!("../assets/i18n/fr.ftl");
const EN: &str = include_str!("../assets/i18n/en.ftl");

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The code used by scenarios' texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// From a code such as "en" or a locale such as "en_GB.UTF-8".
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.to_ascii_lowercase();
        if code.starts_with("fr") {
            Some(Lang::Fr)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// `--lang`, else the system locale, else French.
    pub fn detect(flag: Option<&str>) -> Lang {
        flag.and_then(Lang::parse)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|v| std::env::var(v).ok().and_then(|l| Lang::parse(&l)))
            })
            .unwrap_or_default()
    }
}

/// The translations of one language.
pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Tr {
    /// Loads the interface strings of `lang`.
    pub fn new(lang: Lang) -> Tr {
        let source = match lang {
            Lang::Fr => FR,
            Lang::En => EN,
        };
        let locale = lang.code().parse().expect("a valid language identifier");
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Unicode isolation marks show as boxes in some fonts.
        bundle.set_use_isolating(false);
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        Tr { lang, bundle }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A string without arguments; a missing key shows as `⟨key⟩`.
    pub fn t(&self, key: &str) -> String {
        self.t_args(key, &[])
    }

    /// A string with named arguments.
    pub fn t_args(&self, key: &str, args: &[(&str, String)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return format!("⟨{key}⟩");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so that messages can choose
            // their plural form.
            match value.parse::<i64>() {
                Ok(n) => fluent_args.set(*name, FluentValue::from(n)),
                Err(_) => fluent_args.set(*name, FluentValue::from(value.clone())),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// The message ids of a Fluent file.
#[cfg(test)]
pub fn keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
        .filter_map(|l| l.split(" = ").next())
        .map(|k| k.trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_have_the_same_keys() {
        let (fr, en) = (keys(FR), keys(EN));
        for key in &fr {
            assert!(en.contains(key), "`{key}` is missing in en.ftl");
        }
        for key in &en {
            assert!(fr.contains(key), "`{key}` is missing in fr.ftl");
        }
        assert!(fr.len() > 100);
    }

    #[test]
    fn counts_choose_their_plural_form() {
        let fr = Tr::new(Lang::Fr);
        let count = |n: &str| fr.t_args("trainer-role-clues", &[("count", n.to_owned())]);
        assert_eq!(count("0"), "Aucune information");
        assert_eq!(count("1"), "1 information");
        assert_eq!(count("5"), "5 informations");
        let en = Tr::new(Lang::En);
        assert_eq!(
            en.t_args("trainer-role-bundle", &[("count", "1".into())]),
            "Bundle: 1 tag"
        );
    }

    #[test]
    fn every_key_the_code_uses_exists() {
        // Every Rust file of the shell but this one, read where it stands.
        fn rust_files(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs")
                    // This file's tests ask for a key that does not exist.
                    && !path.ends_with("i18n.rs")
                {
                    found.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut sources = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut sources,
        );
        let fr = keys(FR);
        let mut checked = 0;
        for source in sources {
            // Calls laid out over several lines count too: `t_args(\n "key"`.
            for call in [".t(", ".t_args("] {
                for piece in source.split(call).skip(1) {
                    let Some(literal) = piece.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let key = literal.split('"').next().unwrap();
                    // Fluent keys only (another type's `.t(", ")` is not one).
                    if !key.starts_with(|c: char| c.is_ascii_lowercase())
                        || !key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        continue;
                    }
                    assert!(
                        fr.contains(&key.to_owned()),
                        "the code uses `{key}`, which fr.ftl lacks"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 150, "{checked} keys checked");
    }

    #[test]
    fn arguments_and_accents_come_through() {
        let fr = Tr::new(Lang::Fr);
        assert_eq!(
            fr.t_args("picker-duration", &[("minutes", "120".into())]),
            "Durée : 120 min"
        );
        let en = Tr::new(Lang::En);
        assert_eq!(en.t("trainer-next-phase"), "Next phase");
        assert_eq!(fr.t("no-such-key"), "⟨no-such-key⟩");
    }

    #[test]
    fn the_language_comes_from_the_flag_then_falls_back_to_french() {
        assert_eq!(Lang::detect(Some("en")), Lang::En);
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
        assert_eq!(Lang::default(), Lang::Fr);
    }
}
