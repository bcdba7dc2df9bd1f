#pragma once
// Charts drawn straight onto the page with cairo. Lines differ by dash pattern and marker and
// carry their label at their end; fills differ by hatching, so all of it survives greyscale.
#include <map>
#include <string>
#include <vector>

#include "report/page.hpp"

namespace unknot::report {

struct Series {
    std::string label;
    std::vector<std::pair<int, double>> points;  // day, value; in day order
};

// Values from 0 to y_max over the days from `first` to `last`.
Block line_chart(cairo_t* cr, const std::string& title, const std::string& note, const std::vector<Series>& series, int first, int last,
                 double y_max, double width);

struct Bar {
    std::string label;
    double value = 0;
};
Block bar_chart(cairo_t* cr, const std::string& title, const std::string& note, const std::vector<Bar>& bars, double width);

struct DayMark {
    int sessions = 0;
    bool cut_short = false;  // every session that day ended before the routine did
};
// Weeks as rows (Monday first) from the week of `first` to the week of `today`.
Block adherence_calendar(cairo_t* cr, const std::string& title, const std::map<int, DayMark>& days, int first, int today, double width);

}  // namespace unknot::report
