-- wrk script for bench/form.sh with RATE set: form-send.lua at an offered rate instead of as fast as the site
-- answers, so the site has the CPU left over for the outbox, as it would at that rate of patients. Each wrk thread
-- hands its connections send times one interval apart (its share of the rate), from the monotonic clock; a
-- connection whose time has passed sends at once, so a site slower than the rate gets what it can take.
-- Usage: wrk ... -s bench/form-send-paced.lua http://host:port/contact -- <file prefix> <first patient number>
--        <milliseconds between a thread's sends>

dofile("bench/form-send.lua")

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")

local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local send_init = init

function init(args)
    send_init(args)
    interval = tonumber(args[3])
    next_send = now_ms()
end

function delay()
    local now = now_ms()
    local at = math.max(next_send, now)
    next_send = at + interval
    return math.floor(at - now + 0.5)
end
