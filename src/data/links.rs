//! How clusters, industries and districts relate, for linked views: whatever is selected in one
//! chart (a cluster, an industry or a district), each chart can find the marks it concerns.

use super::model::{Cluster, District, Industry, Lang};
use super::{cluster, district, industry, CLUSTERS, DISTRICTS, INDUSTRIES};

/// A selectable datum: one of the three kinds that linked charts share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Selectable {
    Cluster(&'static Cluster),
    Industry(&'static Industry),
    District(&'static District),
}

impl Selectable {
    pub fn find(id: &str) -> Option<Selectable> {
        cluster(id)
            .map(Selectable::Cluster)
            .or_else(|| industry(id).map(Selectable::Industry))
            .or_else(|| district(id).map(Selectable::District))
    }

    pub fn id(&self) -> &'static str {
        match self {
            Selectable::Cluster(c) => c.id,
            Selectable::Industry(i) => i.id,
            Selectable::District(d) => d.id,
        }
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        match self {
            Selectable::Cluster(c) => c.name.get(lang),
            Selectable::Industry(i) => i.name.get(lang),
            Selectable::District(d) => d.name.get(lang),
        }
    }

    /// The industries it concerns: a cluster's industries, the industry itself, a district's industries.
    pub fn industries(&self) -> Vec<&'static Industry> {
        match self {
            Selectable::Cluster(c) => INDUSTRIES.iter().filter(|i| i.cluster == Some(c.id)).collect(),
            Selectable::Industry(i) => vec![*i],
            Selectable::District(d) => industries_of(d),
        }
    }

    /// The districts it concerns: those that develop its industries, or the district itself.
    pub fn districts(&self) -> Vec<&'static District> {
        match self {
            Selectable::District(d) => vec![*d],
            other => {
                let industries = other.industries();
                DISTRICTS
                    .iter()
                    .filter(|d| d.industries.iter().any(|id| industries.iter().any(|i| i.id == *id)))
                    .collect()
            }
        }
    }

    /// The clusters it concerns: the cluster itself, an industry's cluster, a district's clusters.
    pub fn clusters(&self) -> Vec<&'static Cluster> {
        match self {
            Selectable::Cluster(c) => vec![*c],
            other => {
                let industries = other.industries();
                CLUSTERS.iter().filter(|c| industries.iter().any(|i| i.cluster == Some(c.id))).collect()
            }
        }
    }
}

/// The industries the plan names for `district`, in its order.
pub fn industries_of(district: &District) -> Vec<&'static Industry> {
    district.industries.iter().filter_map(|id| industry(id)).collect()
}

/// The districts the plan names `industry` for, in the plan's order.
pub fn districts_of(industry: &Industry) -> Vec<&'static District> {
    DISTRICTS.iter().filter(|d| d.industries.contains(&industry.id)).collect()
}

/// Every id that `selected` and `select()` accept.
pub fn selectable_ids() -> Vec<&'static str> {
    CLUSTERS.iter().map(|c| c.id).chain(INDUSTRIES.iter().map(|i| i.id)).chain(DISTRICTS.iter().map(|d| d.id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(districts: Vec<&District>) -> Vec<&str> {
        districts.iter().map(|d| d.name.zh).collect()
    }

    #[test]
    fn new_materials_is_developed_where_the_plan_says() {
        // 二(一)1: 柯桥区 and 上虞区 develop 新材料.
        let s = Selectable::find("cluster.new-materials").unwrap();
        assert_eq!(names(s.districts()), ["柯桥区", "上虞区"]);
        assert_eq!(s.clusters().len(), 1);
    }

    #[test]
    fn a_district_concerns_its_industries_and_their_clusters() {
        let s = Selectable::find("district.shangyu").unwrap();
        let industries: Vec<&str> = s.industries().iter().map(|i| i.name.zh).collect();
        assert_eq!(industries, ["绿色化工", "新材料", "高端装备", "具身智能"]);
        let clusters: Vec<&str> = s.clusters().iter().map(|c| c.name.zh).collect();
        assert_eq!(clusters, ["绿色化工", "高端装备", "新材料"]);
        assert_eq!(names(s.districts()), ["上虞区"]);
    }

    #[test]
    fn integrated_circuits_and_unknown_ids() {
        let s = Selectable::find("industry.integrated-circuits").unwrap();
        assert_eq!(names(s.districts()), ["越城区"]);
        let cluster = Selectable::find("cluster.integrated-circuits").unwrap();
        // The cluster also covers 泛半导体 in 滨海新区.
        assert_eq!(names(cluster.districts()), ["越城区", "滨海新区"]);
        assert!(Selectable::find("cluster.steel").is_none());
        assert!(selectable_ids().contains(&"district.binhai"));
    }
}
