//! Why a command was refused, in words a trainee can read.

use serde::{Deserialize, Serialize};

use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::rulebook::Closed;

/// A condition of an action or decision that does not hold yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unmet {
    /// The role lacks some information. Which one is not said, so that a
    /// refusal never reveals a clue.
    Knowledge,
    /// A decision has not been taken.
    Decision(Id),
    /// The case has not reached a phase.
    Phase(Id),
    /// The role has not taken an action.
    Action(Id),
    /// The case has passed the last phase in which this is possible.
    PhaseOver(Id),
    /// Nobody has issued this act of the rulebook yet.
    Act(Id),
    /// The circumstances of the case do not allow it yet. Which ones is not
    /// said, so that a refusal never reveals what another role knows.
    Circumstances,
    /// A person does not trust the professionals enough yet.
    Trust {
        /// The person.
        person: Id,
        /// The level needed.
        at_least: i32,
    },
}

/// Why the engine refused a command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[allow(missing_docs)]
pub enum Refusal {
    #[error("the session has not started")]
    NotStarted,
    #[error("the session is paused")]
    Paused,
    #[error("the session has ended")]
    Ended,
    #[error("the session is already running")]
    AlreadyRunning,
    #[error("the session is not running")]
    NotRunning,
    #[error("unknown role")]
    UnknownRole,
    #[error("unknown action")]
    UnknownAction,
    #[error("this action belongs to another role")]
    NotYourAction,
    #[error("this action has already been taken")]
    AlreadyDone,
    #[error("not enough time left: {needed} minutes needed, {left} left")]
    OverBudget { needed: Minutes, left: Minutes },
    #[error("a condition does not hold yet: {0:?}")]
    Unmet(Unmet),
    #[error("unknown decision")]
    UnknownDecision,
    #[error("this decision is not among the role's powers")]
    NotYourPower,
    #[error("this decision has already been taken")]
    AlreadyDecided,
    #[error("no clue chosen")]
    NothingToShare,
    #[error("no recipient chosen")]
    NoRecipient,
    #[error("a role cannot share with itself")]
    ShareWithSelf,
    #[error("unknown recipient `{0}`")]
    UnknownRecipient(Id),
    #[error("a role can only share or tag information it holds")]
    NotHeld,
    #[error("unknown indicator")]
    UnknownIndicator,
    #[error("this indicator is already in the bundle")]
    AlreadyTagged,
    #[error("this indicator is not in the bundle")]
    NotTagged,
    #[error("unknown conclusion")]
    UnknownConclusion,
    #[error("unknown orientation")]
    UnknownOrientation,
    #[error("no proposal is open")]
    NoOpenProposal,
    #[error("this proposal has been replaced or closed")]
    StaleProposal,
    #[error("a role cannot endorse or reject its own proposal")]
    OwnProposal,
    #[error("already endorsed")]
    AlreadyEndorsed,
    #[error("the text is empty")]
    EmptyText,
    #[error("the text is too long")]
    TooLong,
    #[error("unknown inject")]
    UnknownInject,
    #[error("this inject has already been released")]
    AlreadyReleased,
    #[error("this is not available in the case now")]
    Unavailable,
    #[error("the role is off duty in this phase")]
    OffDuty,
    #[error("unknown frame")]
    UnknownFrame,
    #[error("the frame is not open: {0:?}")]
    FrameClosed(Closed),
    #[error("unknown act")]
    UnknownAct,
    #[error("this act is not among the role's powers")]
    NotYourAct,
    #[error("this act cannot be addressed to that role")]
    NotAnAddressee { act: Id, only: Vec<Id> },
    #[error("unknown kind of information `{0}`")]
    UnknownClass(Id),
    #[error("the act must name the information it covers")]
    EmptyScope,
    #[error("no standing act with that number is addressed to this role")]
    NoSuchAct,
}

/// A duration of scenario time as "45 min", "2 h" or "1 h 30".
pub fn duration(minutes: Minutes) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

impl Refusal {
    /// The refusal in `lang` (French unless `lang` is "en"), with the names
    /// of the case's items.
    pub fn message(&self, case: &Case, lang: &str) -> String {
        let en = lang == "en";
        let s = case.scenario();
        let pick = |fr: &str, english: &str| {
            if en {
                english.to_owned()
            } else {
                fr.to_owned()
            }
        };
        match self {
            Refusal::NotStarted => pick(
                "La séance n'a pas encore commencé : lisez votre fiche de rôle en attendant le formateur.",
                "The session has not started yet: read your role card while the trainer gets ready.",
            ),
            Refusal::Paused => pick(
                "La table est en pause : vous pouvez relire votre dossier, pas agir.",
                "The table is paused: you can read your file, but not act.",
            ),
            Refusal::Ended => pick(
                "La séance est terminée : place au débriefing.",
                "The session is over: time for the debrief.",
            ),
            Refusal::AlreadyRunning => pick(
                "La séance est déjà en cours.",
                "The session is already running.",
            ),
            Refusal::NotRunning => pick(
                "La séance n'est pas en cours.",
                "The session is not running.",
            ),
            Refusal::UnknownRole => pick(
                "Ce rôle n'existe pas dans ce cas.",
                "This role does not exist in this case.",
            ),
            Refusal::UnknownAction => pick(
                "Cette action n'existe pas dans ce cas.",
                "This action does not exist in this case.",
            ),
            Refusal::NotYourAction => pick(
                "Cette action relève d'une autre profession.",
                "This action belongs to another profession.",
            ),
            Refusal::AlreadyDone => pick(
                "Vous avez déjà mené cette action.",
                "You have already taken this action.",
            ),
            Refusal::OverBudget { needed, left } => {
                if en {
                    format!(
                        "Not enough time left in this phase: this takes {}, you have {} left.",
                        duration(*needed),
                        duration(*left)
                    )
                } else {
                    format!(
                        "Pas assez de temps dans cette phase : il faut {}, il vous reste {}.",
                        duration(*needed),
                        duration(*left)
                    )
                }
            }
            Refusal::Unmet(unmet) => match unmet {
                Unmet::Knowledge => pick(
                    "Vous ne disposez pas encore des informations nécessaires.",
                    "You do not have the information this needs yet.",
                ),
                Unmet::Decision(d) => {
                    let name = case
                        .decision(d.as_str())
                        .map_or(d.to_string(), |i| s.decisions[i].name.get(lang).to_owned());
                    if en {
                        format!("This needs a decision first: {name}.")
                    } else {
                        format!("Il faut d'abord une décision : {name}.")
                    }
                }
                Unmet::Phase(p) => {
                    let name = case
                        .phase(p.as_str())
                        .map_or(p.to_string(), |i| s.phases[i].name.get(lang).to_owned());
                    if en {
                        format!("Not possible before this phase: {name}.")
                    } else {
                        format!("Pas possible avant cette phase : {name}.")
                    }
                }
                Unmet::Action(a) => {
                    let name = case
                        .action(a.as_str())
                        .map_or(a.to_string(), |i| s.actions[i].name.get(lang).to_owned());
                    if en {
                        format!("Take this action first: {name}.")
                    } else {
                        format!("Menez d'abord cette action : {name}.")
                    }
                }
                Unmet::PhaseOver(p) => {
                    let name = case
                        .phase(p.as_str())
                        .map_or(p.to_string(), |i| s.phases[i].name.get(lang).to_owned());
                    if en {
                        format!("No longer possible after this phase: {name}.")
                    } else {
                        format!("Plus possible après cette phase : {name}.")
                    }
                }
                Unmet::Act(a) => {
                    let name = act_name(case, a, lang);
                    if en {
                        format!("This needs an act first: {name}.")
                    } else {
                        format!("Il faut d'abord un acte : {name}.")
                    }
                }
                Unmet::Circumstances => pick(
                    "La situation ne le permet pas encore.",
                    "The situation does not allow it yet.",
                ),
                Unmet::Trust { person, .. } => {
                    let name = case
                        .person(person.as_str())
                        .map_or(person.to_string(), |i| {
                            s.people[i].name.get(lang).to_owned()
                        });
                    if en {
                        format!(
                            "{name} does not trust you enough yet: trust is built over several contacts."
                        )
                    } else {
                        format!(
                            "{name} ne vous fait pas encore assez confiance : la confiance se construit en plusieurs rencontres."
                        )
                    }
                }
            },
            Refusal::UnknownDecision => pick(
                "Cette décision n'existe pas dans ce cas.",
                "This decision does not exist in this case.",
            ),
            Refusal::NotYourPower => pick(
                "Cette décision ne relève pas des pouvoirs de votre profession.",
                "This decision is not among your profession's powers.",
            ),
            Refusal::AlreadyDecided => pick(
                "Cette décision a déjà été prise.",
                "This decision has already been taken.",
            ),
            Refusal::NothingToShare => pick(
                "Choisissez au moins une information à partager.",
                "Choose at least one piece of information to share.",
            ),
            Refusal::NoRecipient => pick(
                "Choisissez au moins un destinataire.",
                "Choose at least one recipient.",
            ),
            Refusal::ShareWithSelf => pick(
                "Vous ne pouvez pas partager avec vous-même.",
                "You cannot share with yourself.",
            ),
            Refusal::UnknownRecipient(id) => {
                if en {
                    format!("There is no role `{id}` at this table.")
                } else {
                    format!("Il n'y a pas de rôle « {id} » à cette table.")
                }
            }
            Refusal::NotHeld => pick(
                "Vous ne pouvez partager ou classer que des informations dont vous disposez.",
                "You can only share or tag information you hold.",
            ),
            Refusal::UnknownIndicator => pick(
                "Cet indicateur n'existe pas dans ce cas.",
                "This indicator does not exist in this case.",
            ),
            Refusal::AlreadyTagged => pick(
                "Cet indicateur figure déjà dans votre faisceau.",
                "This indicator is already in your bundle.",
            ),
            Refusal::NotTagged => pick(
                "Cet indicateur ne figure pas dans votre faisceau.",
                "This indicator is not in your bundle.",
            ),
            Refusal::UnknownConclusion => pick(
                "Cette conclusion n'existe pas dans ce cas.",
                "This conclusion does not exist in this case.",
            ),
            Refusal::UnknownOrientation => pick(
                "Cette orientation n'existe pas dans ce cas.",
                "This orientation does not exist in this case.",
            ),
            Refusal::NoOpenProposal => pick(
                "Aucune proposition n'est en discussion.",
                "No proposal is under discussion.",
            ),
            Refusal::StaleProposal => pick(
                "Cette proposition a été remplacée ou close : lisez la proposition en cours.",
                "This proposal has been replaced or closed: read the current one.",
            ),
            Refusal::OwnProposal => pick(
                "Vous ne pouvez pas approuver ou rejeter votre propre proposition.",
                "You cannot endorse or reject your own proposal.",
            ),
            Refusal::AlreadyEndorsed => pick(
                "Vous avez déjà approuvé cette proposition.",
                "You have already endorsed this proposal.",
            ),
            Refusal::EmptyText => pick("Écrivez quelques mots.", "Write a few words."),
            Refusal::TooLong => pick(
                "Ce texte est trop long (2 000 caractères au plus).",
                "This text is too long (2,000 characters at most).",
            ),
            Refusal::UnknownInject => pick(
                "Cet événement n'existe pas dans ce cas.",
                "This event does not exist in this case.",
            ),
            Refusal::AlreadyReleased => pick(
                "Cet événement a déjà été déclenché.",
                "This event has already been released.",
            ),
            Refusal::Unavailable => pick(
                "Ce n'est pas possible dans la situation actuelle.",
                "This is not possible as things stand.",
            ),
            Refusal::OffDuty => pick(
                "Vous n'êtes pas de service pendant cette phase.",
                "You are off duty in this phase.",
            ),
            Refusal::UnknownFrame => pick(
                "Ce cadre légal n'existe pas dans le référentiel de ce cas.",
                "This legal frame does not exist in this case's rulebook.",
            ),
            Refusal::FrameClosed(closed) => closed_message(case, closed, lang),
            Refusal::UnknownAct => pick(
                "Cet acte n'existe pas dans le référentiel de ce cas.",
                "This act does not exist in this case's rulebook.",
            ),
            Refusal::NotYourAct => pick(
                "Cet acte ne relève pas des pouvoirs de votre profession dans ce cas.",
                "This act is not among your profession's powers in this case.",
            ),
            Refusal::NotAnAddressee { act, only } => {
                let names = profession_names(case, only, lang);
                let act = act_name(case, act, lang);
                if en {
                    format!("{act} can only be addressed to: {names}.")
                } else {
                    format!("{act} ne peut être adressé(e) qu'à : {names}.")
                }
            }
            Refusal::UnknownClass(class) => {
                if en {
                    format!("There is no kind of information `{class}` in this case's rulebook.")
                } else {
                    format!(
                        "Le référentiel de ce cas n'a pas de catégorie d'information « {class} »."
                    )
                }
            }
            Refusal::EmptyScope => pick(
                "Précisez ce que l'acte couvre : au moins une catégorie d'information.",
                "Say what the act covers: at least one kind of information.",
            ),
            Refusal::NoSuchAct => pick(
                "Aucun acte en cours portant ce numéro ne vous est adressé.",
                "No standing act with this number is addressed to you.",
            ),
        }
    }
}

fn act_name(case: &Case, act: &Id, lang: &str) -> String {
    case.rulebook()
        .act(act.as_str())
        .map_or(act.to_string(), |a| a.name.get(lang).to_owned())
}

fn frame_name(case: &Case, frame: &Id, lang: &str) -> String {
    case.rulebook()
        .frame(frame.as_str())
        .map_or(frame.to_string(), |f| f.name.get(lang).to_owned())
}

fn profession_names(case: &Case, professions: &[Id], lang: &str) -> String {
    let names: Vec<String> = professions
        .iter()
        .map(|p| {
            case.rulebook()
                .profession(p.as_str())
                .map_or(p.to_string(), |p| p.name.get(lang).to_owned())
        })
        .collect();
    names.join(", ")
}

/// Why a frame is closed, in words.
pub fn closed_message(case: &Case, closed: &Closed, lang: &str) -> String {
    let en = lang == "en";
    match closed {
        Closed::NotFrom { frame } => {
            let frame = frame_name(case, frame, lang);
            if en {
                format!("{frame}: not open to your profession.")
            } else {
                format!("{frame} : ce cadre n'est pas ouvert à votre profession.")
            }
        }
        Closed::NotTo { frame, only } => {
            let frame = frame_name(case, frame, lang);
            let names = profession_names(case, only, lang);
            if en {
                format!("{frame}: only to {names}.")
            } else {
                format!("{frame} : uniquement vers {names}.")
            }
        }
        Closed::NoAct { frame, act, from } => {
            let frame = frame_name(case, frame, lang);
            let act = act_name(case, act, lang);
            let who = case.role(from.as_str()).map_or(from.to_string(), |r| {
                case.scenario().roles[r].name.get(lang).to_owned()
            });
            if en {
                format!("{frame}: no {act} received from {who}.")
            } else {
                format!("{frame} : aucun acte « {act} » reçu de {who}.")
            }
        }
        Closed::OutOfScope { act, class } => {
            let class = case
                .rulebook()
                .class(class.as_str())
                .map_or(class.to_string(), |c| c.name.get(lang).to_owned());
            if en {
                format!("Act no. {act} does not cover this kind of information: {class}.")
            } else {
                format!("L'acte n° {act} ne couvre pas cette information : {class}.")
            }
        }
    }
}
