// Walks a view model without serialising it.
#include "render/view_digest.hpp"

#include <bit>
#include <cstdint>

namespace hindsight {

void add_view(Hasher& hasher, const nlohmann::json& view) {
    using value_t = nlohmann::json::value_t;
    hasher.add_number(static_cast<std::uint64_t>(view.type()));
    switch (view.type()) {
        case value_t::object:
            hasher.add_number(view.size());
            for (const auto& [key, value] : view.items()) {
                hasher.add(key);
                add_view(hasher, value);
            }
            break;
        case value_t::array:
            hasher.add_number(view.size());
            for (const auto& value : view) {
                add_view(hasher, value);
            }
            break;
        case value_t::string:
            hasher.add(view.get_ref<const std::string&>());
            break;
        case value_t::boolean:
            hasher.add_number(view.get<bool>() ? 1 : 0);
            break;
        case value_t::number_integer:
            hasher.add_number(static_cast<std::uint64_t>(view.get<std::int64_t>()));
            break;
        case value_t::number_unsigned:
            hasher.add_number(view.get<std::uint64_t>());
            break;
        case value_t::number_float:
            hasher.add_number(std::bit_cast<std::uint64_t>(view.get<double>()));
            break;
        case value_t::binary:
            hasher.add(std::string_view(reinterpret_cast<const char*>(view.get_binary().data()),
                                        view.get_binary().size()));
            break;
        case value_t::null:
        case value_t::discarded:
            break;
    }
}

}  // namespace hindsight
