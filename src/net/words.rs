//! What the network's refusals say to a person, in their language: the
//! same words in the window and on the command line.

use crate::i18n::Tr;

use super::client::JoinError;
use super::code::CodeError;
use super::protocol::Refused;

/// Why the host refused a lobby request.
pub fn refused_text(refused: &Refused, tr: &Tr) -> String {
    match refused {
        Refused::RoleTaken { by } => tr.t_args("refused-role-taken", &[("name", by.clone())]),
        Refused::NoName => tr.t("refused-no-name"),
        Refused::BadName => tr.t("refused-bad-name"),
        Refused::NameInUse => tr.t("refused-name-in-use"),
        Refused::SeatHeld { table, .. } => {
            tr.t_args("refused-seat-held", &[("table", (table + 1).to_string())])
        }
        Refused::NoSuchTable | Refused::NoSuchRole => tr.t("refused-no-such"),
        Refused::TableFull => tr.t("refused-table-full"),
        Refused::NotSeated => tr.t("refused-not-seated"),
        Refused::TableStarted => tr.t("refused-table-started"),
        Refused::Malformed => tr.t("refused-malformed"),
        Refused::TooFast => tr.t("refused-too-fast"),
    }
}

/// Why joining failed before connecting.
pub fn join_error_text(error: &JoinError, tr: &Tr) -> String {
    match error {
        JoinError::WrongCode => tr.t("join-wrong-code"),
        JoinError::Version { mine, theirs } => tr.t_args(
            "join-version",
            &[("mine", mine.clone()), ("theirs", theirs.clone())],
        ),
        JoinError::SlowDown => tr.t("join-slow-down"),
        JoinError::NoAnswer(address, port) => tr.t_args(
            "join-no-answer",
            &[("address", format!("{address}:{port}"))],
        ),
        JoinError::BadAddress(address) => {
            tr.t_args("join-bad-address", &[("address", address.clone())])
        }
        JoinError::Io(e) => tr.t_args("join-network-error", &[("why", e.to_string())]),
    }
}

/// Why a typed join code is not one.
pub fn code_error_text(error: &CodeError, tr: &Tr) -> String {
    match error {
        CodeError::Length(count) => tr.t_args("join-code-length", &[("count", count.to_string())]),
        CodeError::Character(c) => tr.t_args("join-code-character", &[("char", c.to_string())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_refusal_reads_in_french_and_english() {
        let refusals = [
            Refused::RoleTaken { by: "Inès".into() },
            Refused::NoName,
            Refused::BadName,
            Refused::NameInUse,
            Refused::SeatHeld {
                table: 0,
                role: "educatrice".into(),
            },
            Refused::NoSuchTable,
            Refused::TableFull,
            Refused::NotSeated,
            Refused::TableStarted,
            Refused::Malformed,
            Refused::TooFast,
        ];
        let errors = [
            JoinError::WrongCode,
            JoinError::Version {
                mine: "0.2.0".into(),
                theirs: "0.1.0".into(),
            },
            JoinError::SlowDown,
            JoinError::NoAnswer("192.168.1.20".into(), 5170),
            JoinError::BadAddress("salle B".into()),
            JoinError::Io(std::io::Error::other("unreachable")),
        ];
        for lang in [Lang::Fr, Lang::En] {
            let tr = Tr::new(lang);
            let mut texts: Vec<String> = refusals.iter().map(|r| refused_text(r, &tr)).collect();
            texts.extend(errors.iter().map(|e| join_error_text(e, &tr)));
            texts.push(code_error_text(&CodeError::Length(5), &tr));
            texts.push(code_error_text(&CodeError::Character('O'), &tr));
            for text in &texts {
                assert!(!text.contains('⟨'), "{lang:?}: missing key in {text}");
            }
            assert!(texts[0].contains("Inès"));
            assert!(texts.iter().any(|t| t.contains("192.168.1.20:5170")));
            assert!(texts.iter().any(|t| t.contains("0.1.0")));
        }
        let fr = refused_text(&Refused::TableFull, &Tr::new(Lang::Fr));
        let en = refused_text(&Refused::TableFull, &Tr::new(Lang::En));
        assert_ne!(fr, en);
    }
}
