//! The kind of a post's author, from the account's name alone.

use crate::lexicon::LEXICON;
use crate::model::EntityKind;

/// An account is a person when its name starts with a known first name, an organisation
/// when it holds an organisation's head word; else we cannot tell. "Jane Smith" is a person,
/// "Ministry of Health" an organisation, "@jsmith" unknown.
pub(crate) fn author_kind(name: &str) -> EntityKind {
    let is_org = name
        .split_whitespace()
        .any(|w| LEXICON.organizations.contains(w));
    let first = name.split_whitespace().next().unwrap_or_default();
    if is_org {
        EntityKind::Organization
    } else if LEXICON.first_names.contains_key(first) {
        EntityKind::Person
    } else {
        EntityKind::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_author_is_a_person_an_organisation_or_unknown() {
        assert_eq!(author_kind("Jane Smith"), EntityKind::Person);
        assert_eq!(author_kind("Ministry of Health"), EntityKind::Organization);
        assert_eq!(author_kind("@jsmith"), EntityKind::Unknown);
    }
}
