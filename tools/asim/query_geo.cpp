#include "query_geo.h"

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

namespace asim::geo {
namespace {

// Just enough JSON for GeoJSON: objects, arrays, strings, numbers and the
// three literals, nested at most kMaxDepth deep.
struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  double number = 0;
  std::string text;
  std::vector<Json> items;                            // arrays
  std::vector<std::pair<std::string, Json>> members;  // objects
  const Json* member(std::string_view name) const {
    for (const auto& [k, v] : members)
      if (k == name) return &v;
    return nullptr;
  }
};

constexpr int kMaxDepth = 16;

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool value(Json& out, int depth) {
    skip();
    if (pos_ >= s_.size() || depth > kMaxDepth) return false;
    const char c = s_[pos_];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      out.kind = Json::Kind::kString;
      return string(out.text);
    }
    for (auto [word, kind] : {std::pair{"true", Json::Kind::kBool},
                              {"false", Json::Kind::kBool},
                              {"null", Json::Kind::kNull}}) {
      if (s_.substr(pos_, std::string_view(word).size()) == word) {
        pos_ += std::string_view(word).size();
        out.kind = kind;
        return true;
      }
    }
    return number(out);
  }
  bool at_end() {
    skip();
    return pos_ == s_.size();
  }

 private:
  void skip() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }
  bool eat(char c) {
    skip();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool string(std::string& out) {
    ++pos_;  // the opening quote
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\') {
        if (++pos_ >= s_.size()) return false;
      }
      out += s_[pos_++];
    }
    return pos_++ < s_.size();
  }
  bool number(Json& out) {
    const std::string text(s_.substr(pos_, std::min<size_t>(s_.size() - pos_, 64)));
    char* end = nullptr;
    out.number = std::strtod(text.c_str(), &end);
    if (end == text.c_str()) return false;
    pos_ += static_cast<size_t>(end - text.c_str());
    out.kind = Json::Kind::kNumber;
    return std::isfinite(out.number);
  }
  bool array(Json& out, int depth) {
    ++pos_;
    out.kind = Json::Kind::kArray;
    if (eat(']')) return true;
    do {
      out.items.emplace_back();
      if (!value(out.items.back(), depth + 1)) return false;
    } while (eat(','));
    return eat(']');
  }
  bool object(Json& out, int depth) {
    ++pos_;
    out.kind = Json::Kind::kObject;
    if (eat('}')) return true;
    do {
      skip();
      std::string key;
      if (pos_ >= s_.size() || s_[pos_] != '"' || !string(key) || !eat(':')) return false;
      out.members.emplace_back(std::move(key), Json{});
      if (!value(out.members.back().second, depth + 1)) return false;
    } while (eat(','));
    return eat('}');
  }

  std::string_view s_;
  size_t pos_ = 0;
};

std::optional<Point> point_of(const Json& j) {
  if (j.kind != Json::Kind::kArray || j.items.size() < 2 ||
      j.items[0].kind != Json::Kind::kNumber || j.items[1].kind != Json::Kind::kNumber)
    return std::nullopt;
  const Point p{j.items[0].number, j.items[1].number};
  if (std::fabs(p.lng) > 180 || std::fabs(p.lat) > 90) return std::nullopt;
  return p;
}

// A polygon's rings: each closed (first point repeated last), 4 points or more.
std::optional<std::vector<std::vector<Point>>> polygon_of(const Json& j) {
  if (j.kind != Json::Kind::kArray || j.items.empty()) return std::nullopt;
  std::vector<std::vector<Point>> rings;
  for (const Json& ring : j.items) {
    if (ring.kind != Json::Kind::kArray || ring.items.size() < 4) return std::nullopt;
    std::vector<Point> points;
    for (const Json& p : ring.items) {
      auto pt = point_of(p);
      if (!pt) return std::nullopt;
      points.push_back(*pt);
    }
    if (points.front().lng != points.back().lng || points.front().lat != points.back().lat)
      return std::nullopt;
    rings.push_back(std::move(points));
  }
  return rings;
}

bool in_ring(const std::vector<Point>& ring, Point p) {
  bool inside = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point a = ring[i];
    const Point b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lng < (b.lng - a.lng) * (p.lat - a.lat) / (b.lat - a.lat) + a.lng)
      inside = !inside;
  }
  return inside;
}

bool in_polygon(const std::vector<std::vector<Point>>& rings, Point p) {
  if (!in_ring(rings.front(), p)) return false;
  for (size_t i = 1; i < rings.size(); ++i)
    if (in_ring(rings[i], p)) return false;
  return true;
}

double haversine_m(Point a, Point b) {
  constexpr double kEarthRadiusM = 6371000.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlng = (b.lng - a.lng) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kEarthRadiusM * std::asin(std::sqrt(std::min(1.0, h)));
}

bool contains(const Shape& region, Point p) {
  switch (region.kind) {
    case Shape::Kind::kCircle: return haversine_m(region.point, p) <= region.radius_m;
    case Shape::Kind::kPolygon:
    case Shape::Kind::kMultiPolygon:
      for (const auto& rings : region.polygons)
        if (in_polygon(rings, p)) return true;
      return false;
    case Shape::Kind::kPoint: return false;
  }
  return false;
}

std::optional<Shape> shape_of(const Json& root) {
  const Json* type = root.member("type");
  const Json* coords = root.member("coordinates");
  if (!type || type->kind != Json::Kind::kString || !coords) return std::nullopt;
  Shape s;
  if (type->text == "Point") {
    auto p = point_of(*coords);
    if (!p) return std::nullopt;
    s.point = *p;
    return s;
  }
  if (type->text == "Polygon") {
    auto rings = polygon_of(*coords);
    if (!rings) return std::nullopt;
    s.kind = Shape::Kind::kPolygon;
    s.polygons.push_back(std::move(*rings));
    return s;
  }
  if (type->text == "MultiPolygon") {
    if (coords->kind != Json::Kind::kArray || coords->items.empty()) return std::nullopt;
    s.kind = Shape::Kind::kMultiPolygon;
    for (const Json& poly : coords->items) {
      auto rings = polygon_of(poly);
      if (!rings) return std::nullopt;
      s.polygons.push_back(std::move(*rings));
    }
    return s;
  }
  if (type->text == "AeroCircle") {
    if (coords->kind != Json::Kind::kArray || coords->items.size() != 2) return std::nullopt;
    auto centre = point_of(coords->items[0]);
    if (!centre || coords->items[1].kind != Json::Kind::kNumber || coords->items[1].number < 0)
      return std::nullopt;
    s.kind = Shape::Kind::kCircle;
    s.point = *centre;
    s.radius_m = coords->items[1].number;
    return s;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Shape> parse(std::string_view json) {
  Reader reader(json);
  Json root;
  if (!reader.value(root, 0) || !reader.at_end() || root.kind != Json::Kind::kObject)
    return std::nullopt;
  return shape_of(root);
}

bool matches(const Shape& query, const Shape& record) {
  if (query.is_region()) return !record.is_region() && contains(query, record.point);
  return record.is_region() && contains(record, query.point);
}

}  // namespace asim::geo
