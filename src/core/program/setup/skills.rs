//! The skills vocabulary: adding, renaming, clustering and removing skills.

use super::{Cleanup, SetupError};
use crate::core::limits::{MAX_LIST, MAX_SHORT_TEXT};
use crate::core::model::*;

fn checked_skill_name(
    p: &Program,
    name: &str,
    except: Option<&SkillId>,
) -> Result<String, SetupError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SetupError::EmptySkillName);
    }
    if name.chars().count() > MAX_SHORT_TEXT {
        return Err(SetupError::TooLong {
            what: "the skill name",
            max: MAX_SHORT_TEXT,
        });
    }
    let lower = name.to_lowercase();
    if let Some(other) = p
        .skills
        .iter()
        .find(|s| Some(&s.id) != except && s.name.trim().to_lowercase() == lower)
    {
        return Err(SetupError::DuplicateSkill(other.name.clone()));
    }
    Ok(name.to_owned())
}

fn checked_cluster(cluster: &str) -> Result<String, SetupError> {
    let cluster = cluster.trim();
    if cluster.chars().count() > MAX_SHORT_TEXT {
        return Err(SetupError::TooLong {
            what: "the cluster",
            max: MAX_SHORT_TEXT,
        });
    }
    Ok(cluster.to_owned())
}

/// Adds a skill to the vocabulary and returns its new id. The cluster may be empty.
///
/// # Errors
/// Empty, too long or duplicate name (compared case-insensitively); too long cluster;
/// [`SetupError::TooMany`] past [`MAX_LIST`] skills.
pub fn add_skill(p: &mut Program, name: &str, cluster: &str) -> Result<SkillId, SetupError> {
    let name = checked_skill_name(p, name, None)?;
    let cluster = checked_cluster(cluster)?;
    if p.skills.len() >= MAX_LIST {
        return Err(SetupError::TooMany {
            what: "skills",
            max: MAX_LIST,
        });
    }
    let id = SkillId(p.next_id(IdKind::Skill));
    p.skills.push(Skill {
        id: id.clone(),
        name,
        cluster,
    });
    Ok(id)
}

/// Renames a skill; people's lists refer to it by id and follow.
///
/// # Errors
/// Empty, too long or duplicate name; [`SetupError::UnknownSkill`].
pub fn rename_skill(p: &mut Program, id: &SkillId, name: &str) -> Result<(), SetupError> {
    let name = checked_skill_name(p, name, Some(id))?;
    let skill = p
        .skills
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| SetupError::UnknownSkill(id.clone()))?;
    skill.name = name;
    Ok(())
}

/// Moves a skill to another cluster (empty for none).
///
/// # Errors
/// Too long cluster; [`SetupError::UnknownSkill`].
pub fn set_cluster(p: &mut Program, id: &SkillId, cluster: &str) -> Result<(), SetupError> {
    let cluster = checked_cluster(cluster)?;
    let skill = p
        .skills
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| SetupError::UnknownSkill(id.clone()))?;
    skill.cluster = cluster;
    Ok(())
}

/// How many people offer or want a skill (to confirm before removing it).
pub fn skill_users(p: &Program, id: &SkillId) -> usize {
    p.people
        .iter()
        .filter(|x| {
            x.skills_offered.iter().any(|s| &s.skill == id)
                || x.skills_wanted.iter().any(|s| &s.skill == id)
        })
        .count()
}

/// Removes a skill from the vocabulary and from everybody's offered and wanted lists.
///
/// # Errors
/// [`SetupError::UnknownSkill`].
pub fn remove_skill(p: &mut Program, id: &SkillId) -> Result<Cleanup, SetupError> {
    let before = p.skills.len();
    p.skills.retain(|s| &s.id != id);
    if p.skills.len() == before {
        return Err(SetupError::UnknownSkill(id.clone()));
    }
    let mut cleanup = Cleanup::default();
    for person in &mut p.people {
        let count = person.skills_offered.len() + person.skills_wanted.len();
        person.skills_offered.retain(|s| &s.skill != id);
        person.skills_wanted.retain(|s| &s.skill != id);
        let removed = count - person.skills_offered.len() - person.skills_wanted.len();
        if removed > 0 {
            cleanup.skill_entries_removed += removed;
            cleanup.people_affected += 1;
        }
    }
    Ok(cleanup)
}

/// The skills grouped by cluster, clusters in alphabetical order (case-insensitive) with the
/// unclustered ones (`""`) last, skills in vocabulary order within each cluster.
pub fn skills_by_cluster(p: &Program) -> Vec<(String, Vec<&Skill>)> {
    let mut groups: Vec<(String, Vec<&Skill>)> = Vec::new();
    for s in &p.skills {
        match groups.iter_mut().find(|(c, _)| c == &s.cluster) {
            Some((_, list)) => list.push(s),
            None => groups.push((s.cluster.clone(), vec![s])),
        }
    }
    groups.sort_by_key(|(c, _)| (c.is_empty(), c.to_lowercase()));
    groups
}
