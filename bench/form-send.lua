-- wrk script for bench/form.sh: sends each form opened by form-open.lua exactly once, filled in as a patient would
-- (every inquiry distinct: name, email, phone, message), with the browser's CSRF cookie, from its own client
-- address (X-Forwarded-For, which the site believes from a proxy on loopback), so no inquiry meets the per-address
-- rate limit. Counts the answers: 303 is an accepted inquiry.
-- Usage: wrk ... -s bench/form-send.lua http://host:port/contact -- <file prefix> <first patient number>

local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

local function encode(text)
    return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
    forms = {}
    for line in io.lines(string.format("%s.%02d", args[1], id)) do
        local cookie, csrf, token = line:match("^(%S+) (%S+) (%S+)$")
        table.insert(forms, { cookie = cookie, csrf = csrf, token = token })
    end
    -- Patient numbers: thread id in the high digits, so threads never share one.
    first = tonumber(args[2]) + id * 10000000
    sent, accepted, refused, failed, other, exhausted = 0, 0, 0, 0, 0, 0
end

function request()
    sent = sent + 1
    local form = forms[sent]
    if not form then
        -- More forms were sent than were opened: the figures would count re-sends, so the run is void.
        exhausted = exhausted + 1
        wrk.thread:stop()
        form = forms[#forms]
    end
    local n = first + sent
    local body = table.concat({
        "_csrf=" .. encode(form.csrf),
        "formToken=" .. encode(form.token),
        "name=" .. encode("Bench Patient " .. n),
        "email=" .. encode("patient" .. n .. "@bench.example"),
        "phone=" .. encode(string.format("+1 555 %07d", n % 10000000)),
        "contactMethod=EMAIL",
        "reason=MIGRAINE",
        "message=" .. encode("Benchmark inquiry " .. n .. ": the headaches are worst in the evening."),
        "preferredTimes=monday-morning",
        "preferredTimes=friday-evening",
        "consent=true",
    }, "&")
    local address = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
    return wrk.format("POST", nil, {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Cookie"] = form.cookie,
        ["X-Forwarded-For"] = address,
    }, body)
end

function response(status, headers, body)
    if status == 303 then
        accepted = accepted + 1
    elseif status >= 400 and status < 500 then
        refused = refused + 1
    elseif status >= 500 then
        failed = failed + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local total = { accepted = 0, refused = 0, failed = 0, other = 0, exhausted = 0 }
    for _, thread in ipairs(threads) do
        for key in pairs(total) do
            total[key] = total[key] + thread:get(key)
        end
    end
    local errors = summary.errors
    io.write(string.format(
        "responses=%d accepted=%d refused_4xx=%d failed_5xx=%d other=%d socket_errors=%d exhausted=%d "
            .. "p50_ms=%.2f p99_ms=%.2f duration_s=%.3f\n",
        summary.requests, total.accepted, total.refused, total.failed, total.other,
        errors.connect + errors.read + errors.write + errors.timeout, total.exhausted,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
