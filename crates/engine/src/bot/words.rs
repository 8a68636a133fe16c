//! What a bot says at the table, in the table's language: the reasons it
//! gives with a proposal or a rejection, consistent with its vote.

use crate::text::Text;

/// The reason a bot gives when it proposes the reading its own bundle
/// supports: the categories where its evidence is strongest.
pub fn supported(lang: &str, strongest: &[String]) -> String {
    let list = strongest.join(", ");
    Text::fr_en(
        format!("Mon faisceau d'indices va dans ce sens : {list}."),
        format!("My bundle of indicators points this way: {list}."),
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot gives when it proposes a reading while its bundle is
/// still thin (a trap has tempted it).
pub fn thin(lang: &str) -> String {
    Text::fr_en(
        "Rien de ce que je sais pour l'instant ne montre de danger établi.",
        "Nothing I know so far shows an established danger.",
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot gives when it rejects a reading its evidence does not
/// reach yet (the desk names the category that lacks).
pub fn not_yet(lang: &str) -> String {
    Text::fr_en(
        "Mes éléments ne suffisent pas encore pour conclure ainsi.",
        "My evidence does not support this conclusion yet.",
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot gives when it rejects a reading that leaves the young
/// person without protection while its bundle shows danger.
pub fn danger_shown(lang: &str, strongest: &[String]) -> String {
    let list = strongest.join(", ");
    Text::fr_en(
        format!("Mon faisceau montre un danger ({list}) : je ne peux pas approuver cette lecture."),
        format!("My bundle shows danger ({list}): I cannot approve this reading."),
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot gives when it rejects a lesser reading than the one its
/// bundle makes.
pub fn further(lang: &str, strongest: &[String]) -> String {
    let list = strongest.join(", ");
    Text::fr_en(
        format!("Mon faisceau va plus loin que cette lecture : {list}."),
        format!("My bundle goes further than this reading: {list}."),
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot gives when it rejects a reading while its own evidence
/// is too thin to judge.
pub fn too_early(lang: &str) -> String {
    Text::fr_en(
        "Trop tôt pour conclure : mes éléments sont encore minces.",
        "Too early to conclude: my evidence is still thin.",
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot that counts what it holds gives with its proposal.
pub fn facts_support(lang: &str, held: usize) -> String {
    Text::fr_en(
        format!("Les {held} informations que je détiens vont dans ce sens."),
        format!("The {held} pieces of information I hold point this way."),
    )
    .get(lang)
    .to_owned()
}

/// The reason a bot that counts what it holds gives when it rejects a
/// reading that leaves the young person without protection.
pub fn facts_show_danger(lang: &str, held: usize) -> String {
    Text::fr_en(
        format!("Les {held} informations que je détiens montrent un danger : je ne peux pas approuver cette lecture."),
        format!("The {held} pieces of information I hold show danger: I cannot approve this reading."),
    )
    .get(lang)
    .to_owned()
}
