# Reading dates. { $input } is what the person typed, quoted as typed.

date-unreadable = cannot read the date "{ $input }" (try 2026-11-20, 11/20/2026 (month first), today, yesterday, "3 days ago", "last monday", "june 9 2013" or "june")
date-not-a-day = cannot read the date "{ $input }": that day is not in the calendar
date-year-out-of-range = "{ $input }": the year { $year } is outside { $min }–{ $max }
date-out-of-range = "{ $input }" falls outside the years { $min }–{ $max }
date-needs-day = "{ $input }" is a month or a year, not a day (name a day, such as "june 9 2013"; for a whole period use --on)
date-future = "{ $input }" is after today ({ $today }); add --allow-future to write about a day to come
