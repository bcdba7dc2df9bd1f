#pragma once
// Every move's picture on a few pages, each with its name: how the pictures are looked at side
// by side when one is drawn or changed (`unknot pictures --sheet FILE`).
#include <filesystem>

#include "catalog/catalog.hpp"
#include "report/report.hpp"

namespace unknot::report {

// `only`: when not empty, just the moves whose id contains it (to look at one while drawing it).
Rendered render_contact_sheet(const Catalog& catalog, PageSize size, const std::filesystem::path& path, const std::string& only = {});

}  // namespace unknot::report
