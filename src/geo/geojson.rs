//! GeoJSON (RFC 7946) boundaries that an embedder supplies, matched to the plan's districts by
//! name (越城区 or 越城, Yuecheng District or Yuecheng) or by adcode (330602), and projected
//! onto the plot.

use super::json::{self, Json};
use super::plane::{clip_at, label_point, Bounds, Point, Ring};
use crate::data::model::District;
use crate::data::DISTRICTS;
use crate::error::quoted;
use crate::order;
use crate::scale::Within;

/// The boundaries of the districts that the GeoJSON has, in the plan's order, in degrees
/// (longitude, latitude). Rings are open: the closing point is dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub districts: Vec<DistrictShape>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DistrictShape {
    pub district: &'static District,
    /// Polygons, each an outer ring and its holes.
    pub polygons: Vec<Vec<Ring>>,
}

impl Geometry {
    pub fn shape(&self, district_id: &str) -> Option<&DistrictShape> {
        self.districts.iter().find(|d| d.district.id == district_id)
    }

    /// The extent of every district's boundary, in degrees.
    pub fn bounds(&self) -> Option<Bounds> {
        let mut bounds = None;
        for polygon in self.districts.iter().flat_map(|d| &d.polygons) {
            if let Some(b) = Bounds::of(polygon) {
                bounds = Bounds::around(bounds, b);
            }
        }
        bounds
    }

    /// The districts projected into a box `width` wide from (x, y), at most `max_height` high, and
    /// the height they take.
    pub fn place(&self, x: f64, y: f64, width: f64, max_height: f64) -> Option<(Vec<Placed>, f64)> {
        let (projection, height) = Projection::fit(self.bounds()?, x, y, width, max_height);
        let mut placed = Vec::new();
        for shape in &self.districts {
            let mut rings = Vec::new();
            for ring in shape.polygons.iter().flatten() {
                let mut projected = Vec::with_capacity(ring.len());
                for &p in ring {
                    projected.push(projection.project(p));
                }
                rings.push(projected);
            }
            let Some(b) = Bounds::of(&rings) else { continue };
            let label_at = label_point(&rings).unwrap_or((b.min_x + b.width() / 2.0, b.min_y + b.height() / 2.0));
            placed.push(Placed { district: shape.district, rings, bounds: b, label_at });
        }
        Some((placed, height))
    }
}

/// A district on the plot: its rings in pixels, their box, and where its label goes.
pub struct Placed {
    pub district: &'static District,
    pub rings: Vec<Ring>,
    pub bounds: Bounds,
    pub label_at: Point,
}

/// `district`, which the geometry has no boundary for (滨海新区), as a band over the northern third
/// of the combined extent of the `parents` placed; their labels move to their parts south of it.
/// None where no parent is placed.
pub fn band(placed: &mut [Placed], district: &'static District, parents: &[&str]) -> Option<Placed> {
    let is_parent = |p: &&mut Placed| parents.contains(&p.district.id);
    let mut extent = None;
    for p in placed.iter_mut().filter(is_parent) {
        extent = Bounds::around(extent, p.bounds);
    }
    let extent = extent?;
    let cut = extent.min_y + extent.height() / 3.0;
    // Appends to `out` the rings of `p` clipped to the north or the south of the cut.
    let clip = |p: &Placed, north: bool, out: &mut Vec<Ring>| {
        for ring in &p.rings {
            let part = clip_at(ring, cut, north);
            if !part.is_empty() {
                out.push(part);
            }
        }
    };
    let mut rings = Vec::new();
    for p in placed.iter_mut().filter(is_parent) {
        clip(p, true, &mut rings);
    }
    let b = Bounds::of(&rings)?;
    for p in placed.iter_mut().filter(is_parent) {
        let mut south = Vec::new();
        clip(p, false, &mut south);
        if let Some(at) = label_point(&south) {
            p.label_at = at;
        }
    }
    let label_at = label_point(&rings).unwrap_or((b.min_x + b.width() / 2.0, b.min_y));
    Some(Placed { district, rings, bounds: b, label_at })
}

#[derive(Debug, Clone, PartialEq)]
pub enum GeometryError {
    /// The text is not JSON.
    Json(json::JsonError),
    /// The JSON is not GeoJSON that can be drawn: `at` is a path such as
    /// `features[2].geometry.coordinates[0][5]` (empty for the whole document).
    Shape { at: String, problem: String },
    /// No feature names a district; `found` lists what the features are called.
    NoDistrict { found: Vec<String> },
}

/// More points than this make a map too slow to lay out; simplify the data first.
pub const MAX_POINTS: usize = 300_000;

impl From<GeometryError> for crate::error::Error {
    fn from(e: GeometryError) -> crate::error::Error {
        match e {
            GeometryError::Json(e) => crate::error::Error::GeometryJson { problem: e.to_string() },
            GeometryError::Shape { at, problem } => crate::error::Error::GeometryShape { at, problem },
            GeometryError::NoDistrict { found } => crate::error::Error::GeometryNoDistrict { found },
        }
    }
}

fn shape(at: &str, problem: String) -> GeometryError {
    GeometryError::Shape { at: at.to_string(), problem }
}

/// The path of the member `name` of the value at `at` (empty for the document).
fn member(at: &str, name: &str) -> String {
    format!("{at}{}{name}", if at.is_empty() { "" } else { "." })
}

/// The path of the item `i` of the array at `at`.
fn item(at: &str, i: usize) -> String {
    format!("{at}[{i}]")
}

/// The value at `at` is `got` where it must be `wanted`.
fn must_be(at: &str, wanted: &str, got: &str) -> GeometryError {
    shape(at, format!("must be {wanted}; got {got}"))
}

pub fn parse(text: &str) -> Result<Geometry, GeometryError> {
    let document = json::parse(text).map_err(GeometryError::Json)?;
    let Json::Object(_) = document else {
        return Err(must_be("", "a GeoJSON FeatureCollection object", document.kind()));
    };
    // A lone Feature is read as a collection of one whose paths start at the document.
    let (features, lone) = match document.get("type").and_then(Json::as_str) {
        Some("FeatureCollection") => match document.get("features") {
            Some(Json::Array(items)) => (items.as_slice(), false),
            Some(other) => return Err(must_be("features", "an array", other.kind())),
            None => return Err(shape("", "is a FeatureCollection without \"features\"".into())),
        },
        Some("Feature") => (std::slice::from_ref(&document), true),
        Some(t) => {
            return Err(shape(
                "",
                format!("is of type {}; give a FeatureCollection whose features name the districts", quoted(t)),
            ))
        }
        None => return Err(shape("", "has no \"type\"; give a GeoJSON FeatureCollection".into())),
    };

    let mut districts: Vec<DistrictShape> = Vec::new();
    let mut found: Vec<String> = Vec::new();
    let mut points = 0;
    for (i, feature) in features.iter().enumerate() {
        let path = if lone { String::new() } else { item("features", i) };
        let Json::Object(_) = feature else {
            return Err(must_be(&path, "a Feature object", feature.kind()));
        };
        let property = |name| feature.get("properties").and_then(|p| p.get(name));
        let name = property("name").and_then(Json::as_str);
        let adcode = match property("adcode") {
            Some(Json::Number(n)) if n.fract() == 0.0 && *n >= 0.0 && *n <= u32::MAX as f64 => Some(*n as u32),
            Some(Json::String(s)) => s.trim().parse::<u32>().ok(),
            _ => None,
        };
        let Some(district) = district_for(name, adcode) else {
            found.push(match (name, adcode) {
                (Some(n), _) => n.to_string(),
                (None, Some(code)) => code.to_string(),
                (None, None) => "(no name)".into(),
            });
            continue;
        };
        // A feature without a shape draws nothing.
        let Some(geometry) = feature.get("geometry").filter(|g| !matches!(g, Json::Null)) else { continue };
        let mut shapes = Vec::new();
        polygons(geometry, &member(&path, "geometry"), &mut points, &mut shapes)?;
        if points > MAX_POINTS {
            return Err(shape(
                &path,
                format!("brings the boundaries to more than {MAX_POINTS} points; simplify them first"),
            ));
        }
        match districts.iter_mut().find(|d| d.district.id == district.id) {
            Some(existing) => existing.polygons.extend(shapes),
            None => districts.push(DistrictShape { district, polygons: shapes }),
        }
    }
    if districts.is_empty() {
        return Err(GeometryError::NoDistrict { found });
    }
    order::sort_by_key(&mut districts, |d| DISTRICTS.iter().position(|x| x.id == d.district.id));
    Ok(Geometry { districts })
}

/// The district a feature names, by adcode first, then by its Chinese or English name with or
/// without the suffix (区, 市, 县, 新区; District, City, County, New Area).
pub fn district_for(name: Option<&str>, adcode: Option<u32>) -> Option<&'static District> {
    if let Some(d) = DISTRICTS.iter().find(|d| adcode.is_some() && d.adcode == adcode) {
        return Some(d);
    }
    let name = name?.trim();
    if name.is_empty() {
        return None;
    }
    DISTRICTS.iter().find(|d| {
        let zh = d.name.zh;
        let short_zh = zh.strip_suffix("新区").or_else(|| zh.strip_suffix(['区', '市', '县'])).unwrap_or(zh);
        let en = d.name.en;
        let short_en =
            [" New Area", " District", " City", " County"].iter().find_map(|s| en.strip_suffix(s)).unwrap_or(en);
        name == zh || name == short_zh || name.eq_ignore_ascii_case(en) || name.eq_ignore_ascii_case(short_en)
    })
}

/// Appends to `out` the polygons of a Polygon, a MultiPolygon or a GeometryCollection of them, `at`
/// the path of `geometry`; `points` counts the points read.
fn polygons(geometry: &Json, at: &str, points: &mut usize, out: &mut Vec<Vec<Ring>>) -> Result<(), GeometryError> {
    let Some(kind) = geometry.get("type").and_then(Json::as_str) else {
        return Err(shape(at, "has no \"type\"".into()));
    };
    if kind == "GeometryCollection" {
        let Some(Json::Array(items)) = geometry.get("geometries") else {
            return Err(shape(at, "is a GeometryCollection without \"geometries\"".into()));
        };
        for (i, g) in items.iter().enumerate() {
            polygons(g, &item(&member(at, "geometries"), i), points, out)?;
        }
        return Ok(());
    }
    if kind != "Polygon" && kind != "MultiPolygon" {
        return Err(shape(
            &member(at, "type"),
            format!("is {}; a district's boundary must be a Polygon or MultiPolygon", quoted(kind)),
        ));
    }
    let here = member(at, "coordinates");
    let coordinates = match geometry.get("coordinates") {
        Some(Json::Array(items)) => items,
        Some(other) => return Err(must_be(&here, "an array", other.kind())),
        None => return Err(shape(at, format!("is a {kind} without coordinates"))),
    };
    if kind == "Polygon" {
        out.push(polygon(coordinates, &here, points)?);
        return Ok(());
    }
    for (i, p) in coordinates.iter().enumerate() {
        let here = item(&here, i);
        let Json::Array(rings) = p else {
            return Err(must_be(&here, "an array of rings", p.kind()));
        };
        out.push(polygon(rings, &here, points)?);
    }
    Ok(())
}

/// A polygon's rings, open and without repeated points.
fn polygon(rings: &[Json], at: &str, points: &mut usize) -> Result<Vec<Ring>, GeometryError> {
    if rings.is_empty() {
        return Err(shape(at, "is a polygon without rings".into()));
    }
    let mut out = Vec::with_capacity(rings.len());
    for (r, ring) in rings.iter().enumerate() {
        let here = item(at, r);
        let Json::Array(positions) = ring else {
            return Err(must_be(&here, "a ring, an array of positions", ring.kind()));
        };
        let mut open: Ring = Vec::with_capacity(positions.len());
        for (i, position) in positions.iter().enumerate() {
            let Some(p) = lon_lat(position) else {
                let wanted = "a position [longitude, latitude] in degrees (RFC 7946, WGS 84)";
                return Err(must_be(&item(&here, i), wanted, &describe(position)));
            };
            if open.last() != Some(&p) {
                open.push(p);
            }
        }
        if open.len() > 1 && open.first() == open.last() {
            open.pop();
        }
        if open.len() < 3 {
            return Err(shape(&here, "is a ring with fewer than three distinct positions".into()));
        }
        *points += open.len();
        out.push(open);
    }
    Ok(out)
}

fn lon_lat(position: &Json) -> Option<Point> {
    let Json::Array(items) = position else { return None };
    match items.as_slice() {
        [Json::Number(lon), Json::Number(lat), ..] if lon.abs() <= 180.0 && lat.abs() <= 90.0 => Some((*lon, *lat)),
        _ => None,
    }
}

/// A short rendering of a JSON value for a message: `[13420000, 3500000]`, `"abc"`, `an object`.
fn describe(value: &Json) -> String {
    match value {
        Json::Number(n) => crate::error::js_number(*n),
        Json::String(s) if s.chars().count() <= 20 => format!("\"{s}\""),
        Json::Array(items) if items.len() <= 4 && items.iter().all(|i| matches!(i, Json::Number(_) | Json::Null)) => {
            let mut out = String::from("[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&describe(item));
            }
            out + "]"
        }
        Json::Null => "null".into(),
        other => other.kind().into(),
    }
}

/// An equirectangular projection scaled for the map's middle latitude, so that a kilometre is as
/// long east-west as north-south there (a city is small enough for this to be exact to the pixel),
/// fitted into a box of the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat_top: f64,
    /// cos(middle latitude): how much shorter a degree of longitude is than one of latitude.
    squeeze: f64,
    scale: f64,
    x: f64,
    y: f64,
}

/// The cosine of a latitude in radians (within ±π/2; the bounds are checked to be degrees of
/// latitude), from its Taylor series: exact to 1e-12 there, and it spares the `.wasm` the general
/// sine and cosine with their argument reduction, several kilobytes for one multiplication factor.
fn cos_of_latitude(x: f64) -> f64 {
    let x = x.within(-std::f64::consts::FRAC_PI_2, std::f64::consts::FRAC_PI_2);
    let x2 = x * x;
    // 1 - x²/2! + x⁴/4! - …, to the x²⁰ term, summed from the smallest term up.
    let mut sum = 0.0;
    for n in (0..=10).rev() {
        let mut factorial = 1.0;
        for k in 1..=2 * n {
            factorial *= k as f64;
        }
        let sign = if n % 2 == 0 { 1.0 } else { -1.0 };
        sum += sign * x2.powi(n) / factorial;
    }
    sum
}

impl Projection {
    /// Fits `bounds` (degrees) into `width` × `max_height` pixels from (x, y), centred across and
    /// flush with the top. Returns the projection and the height the map takes.
    pub fn fit(bounds: Bounds, x: f64, y: f64, width: f64, max_height: f64) -> (Projection, f64) {
        let middle = ((bounds.min_y + bounds.max_y) / 2.0).to_radians();
        let squeeze = cos_of_latitude(middle).max(0.01);
        let (w, h) = ((bounds.width() * squeeze).max(1e-9), bounds.height().max(1e-9));
        let scale = (width / w).min(max_height / h);
        let p = Projection {
            lon0: bounds.min_x,
            lat_top: bounds.max_y,
            squeeze,
            scale,
            x: x + (width - w * scale) / 2.0,
            y,
        };
        (p, h * scale)
    }

    pub fn project(&self, (lon, lat): Point) -> Point {
        (self.x + (lon - self.lon0) * self.squeeze * self.scale, self.y + (self.lat_top - lat) * self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cosine_of_a_latitude_matches_the_standard_one() {
        for degrees in -90..=90 {
            let x = (degrees as f64).to_radians();
            assert!((cos_of_latitude(x) - x.cos()).abs() < 1e-12, "{degrees}°");
        }
        assert_eq!(cos_of_latitude(f64::INFINITY), cos_of_latitude(std::f64::consts::FRAC_PI_2));
    }

    fn collection(features: &str) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
    }

    const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[120,30],[121,30],[121,31],[120,31],[120,30]]]}"#;

    #[test]
    fn features_match_by_name_with_or_without_suffix_and_by_adcode() {
        let text = collection(&format!(
            r#"{{"type":"Feature","properties":{{"name":"越城"}},"geometry":{SQUARE}}},
               {{"type":"Feature","properties":{{"adcode":"330603"}},"geometry":{SQUARE}}},
               {{"type":"Feature","properties":{{"name":"Zhuji City"}},"geometry":{SQUARE}}},
               {{"type":"Feature","properties":{{"name":"滨海新区"}},"geometry":{SQUARE}}},
               {{"type":"Feature","properties":{{"name":"杭州市"}},"geometry":{SQUARE}}}"#
        ));
        let g = parse(&text).unwrap();
        let ids: Vec<&str> = g.districts.iter().map(|d| d.district.id).collect();
        assert_eq!(ids, ["district.yuecheng", "district.keqiao", "district.zhuji", "district.binhai"]);
        assert_eq!(g.districts[0].polygons[0][0].len(), 4, "the closing point is dropped");
        assert_eq!(district_for(Some("xinchang"), None).map(|d| d.id), Some("district.xinchang"));
        assert_eq!(district_for(Some("滨海"), None).map(|d| d.id), Some("district.binhai"));
        assert_eq!(district_for(Some("上虞区"), Some(330681)).map(|d| d.id), Some("district.zhuji"), "adcode first");
        assert_eq!(district_for(Some("绍兴市"), None), None);
    }

    #[test]
    fn a_single_feature_and_multipolygons_are_read() {
        let text = format!(
            r#"{{"type":"Feature","properties":{{"name":"新昌县"}},"geometry":{{"type":"MultiPolygon","coordinates":[{c},{c}]}}}}"#,
            c = r#"[[[120,30],[121,30],[121,31],[120,30]]]"#
        );
        let g = parse(&text).unwrap();
        assert_eq!(g.districts[0].polygons.len(), 2);
        let b = g.bounds().unwrap();
        assert_eq!((b.min_x, b.max_y), (120.0, 31.0));
    }

    fn error(text: &str) -> GeometryError {
        parse(text).unwrap_err()
    }

    #[test]
    fn errors_name_the_place_and_the_problem() {
        assert!(matches!(error("{\"type\": "), GeometryError::Json(_)));
        assert_eq!(
            error("[1]"),
            GeometryError::Shape {
                at: "".into(),
                problem: "must be a GeoJSON FeatureCollection object; got an array".into()
            }
        );
        let projected = collection(
            r#"{"type":"Feature","properties":{"name":"越城区"},"geometry":{"type":"Polygon","coordinates":[[[13420000,3500000],[1,2],[3,4]]]}}"#,
        );
        assert_eq!(
            error(&projected),
            GeometryError::Shape {
                at: "features[0].geometry.coordinates[0][0]".into(),
                problem:
                    "must be a position [longitude, latitude] in degrees (RFC 7946, WGS 84); got [13420000, 3500000]"
                        .into()
            }
        );
        let huge = collection(
            r#"{"type":"Feature","properties":{"name":"越城区"},"geometry":{"type":"Polygon","coordinates":[[[1e21,30],[1,2],[3,4]]]}}"#,
        );
        assert!(
            matches!(error(&huge), GeometryError::Shape { problem, .. } if problem.ends_with("got [1e+21, 30]")),
            "{:?}",
            error(&huge)
        );
        let line = collection(
            r#"{"type":"Feature","properties":{"name":"越城区"},"geometry":{"type":"LineString","coordinates":[[120,30],[121,30]]}}"#,
        );
        assert!(matches!(error(&line), GeometryError::Shape { at, .. } if at == "features[0].geometry.type"));
        let tiny = collection(
            r#"{"type":"Feature","properties":{"name":"越城区"},"geometry":{"type":"Polygon","coordinates":[[[120,30],[121,30],[120,30]]]}}"#,
        );
        assert!(matches!(error(&tiny), GeometryError::Shape { problem, .. } if problem.contains("three")));
        let elsewhere =
            collection(&format!(r#"{{"type":"Feature","properties":{{"name":"杭州市"}},"geometry":{SQUARE}}}"#));
        assert_eq!(error(&elsewhere), GeometryError::NoDistrict { found: vec!["杭州市".into()] });
        assert_eq!(error(&collection("")), GeometryError::NoDistrict { found: vec![] });
        assert!(
            matches!(error(r#"{"type":"Polygon"}"#), GeometryError::Shape { problem, .. } if problem.contains("\"Polygon\""))
        );
    }

    #[test]
    fn the_projection_keeps_kilometres_square_and_fits_the_box() {
        let b = Bounds { min_x: 120.0, min_y: 29.0, max_x: 121.0, max_y: 30.0 };
        let (p, height) = Projection::fit(b, 10.0, 20.0, 300.0, 1000.0);
        let (x0, y0) = p.project((120.0, 30.0));
        let (x1, y1) = p.project((121.0, 29.0));
        assert!((x0 - 10.0).abs() < 1e-9 && (y0 - 20.0).abs() < 1e-9);
        assert!((x1 - 310.0).abs() < 1e-9);
        let ratio = (y1 - y0) / (x1 - x0);
        assert!((ratio - 1.0 / 29.5f64.to_radians().cos()).abs() < 1e-9, "{ratio}");
        assert!((height - (y1 - y0)).abs() < 1e-9);
        // Limited by height: centred across.
        let (p, height) = Projection::fit(b, 0.0, 0.0, 300.0, 100.0);
        assert_eq!(height, 100.0);
        assert!(p.project((120.0, 30.0)).0 > 0.0);
    }
}
