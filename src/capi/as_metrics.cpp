// extern "C" entry points of as_metrics.h (settings only: no metrics output yet).
#include "config/config.h"
#include "core/error.h"

using namespace aeroshim;

extern "C" {

void as_metrics_policy_init(as_metrics_policy* policy) {
  guard_void({{policy, "policy"}}, [&] { metrics_policy_init(policy); });
}

void as_metrics_policy_destroy(as_metrics_policy* policy) {
  guard_void({}, [&] {
    if (policy != nullptr) metrics_policy_destroy_labels(policy);
  });
}

void as_metrics_policy_destroy_labels(as_metrics_policy* policy) {
  guard_void({}, [&] {
    if (policy != nullptr) metrics_policy_destroy_labels(policy);
  });
}

void as_metrics_policy_add_label(as_metrics_policy* policy, const char* name, const char* value) {
  guard_void({{policy, "policy"}, {name, "name"}, {value, "value"}},
             [&] { metrics_policy_add_label(policy, name, value); });
}

void as_metrics_policy_copy_labels(as_metrics_policy* policy, as_vector* labels) {
  guard_void({{policy, "policy"}},
             [&] { metrics_policy_set_labels(policy, metrics_labels_copy(labels)); });
}

void as_metrics_policy_set_labels(as_metrics_policy* policy, as_vector* labels) {
  guard_void({{policy, "policy"}}, [&] { metrics_policy_set_labels(policy, labels); });
}

as_vector* as_metrics_labels_copy(as_vector* labels) {
  return guard_value<as_vector*>(nullptr, {}, [&] { return metrics_labels_copy(labels); });
}

bool as_metrics_labels_equal(as_vector* labels1, as_vector* labels2) {
  return guard_value(false, {}, [&] { return metrics_labels_equal(labels1, labels2); });
}

void as_metrics_labels_destroy(as_vector* labels) {
  guard_void({}, [&] { metrics_labels_destroy(labels); });
}

}  // extern "C"
