// GeoJSON shapes for geo2dsphere queries, matched without the server's S2
// cell covering: a point is inside a polygon by an even-odd ray test on
// plain longitude/latitude (edges are straight in degrees, not great
// circles), and inside an AeroCircle when its haversine distance from the
// centre (Earth radius 6371000 m) is at most the radius.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace asim::geo {

struct Point {
  double lng = 0;
  double lat = 0;
};

struct Shape {
  enum class Kind { kPoint, kPolygon, kMultiPolygon, kCircle };
  Kind kind = Kind::kPoint;
  Point point;          // a point, or a circle's centre
  double radius_m = 0;  // circles
  std::vector<std::vector<std::vector<Point>>>
      polygons;  // polygons: rings (first outer, others holes)
  bool is_region() const { return kind != Kind::kPoint; }
};

// The shape `json` describes; nullopt for text the server's GeoJSON parser
// refuses (not an object, unknown type, bad coordinates).
std::optional<Shape> parse(std::string_view json);

// Whether `record` answers a query for `query`: a point query is answered
// by regions containing it, a region query by points inside it.
bool matches(const Shape& query, const Shape& record);

}  // namespace asim::geo
