-- wrk script for bench/form.sh: opens the contact form as a browser does, one fresh browser per request (no cookie
-- sent), and keeps what that browser needs to send the form later: the CSRF cookie the response sets, and the
-- page's hidden _csrf field and signed form token. One line per form, in one file per wrk thread.
-- Usage: wrk ... -s bench/form-open.lua http://host:port/contact -- <file prefix>

local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    out = assert(io.open(string.format("%s.%02d", args[1], id), "w"))
    out:setvbuf("line")
    opened, failed = 0, 0
end

function response(status, headers, body)
    local cookie = status == 200 and (headers["Set-Cookie"] or ""):match("^(XSRF%-TOKEN=[^;]+)")
    local csrf = body:match('name="_csrf" value="([^"]+)"')
    local token = body:match('name="formToken" value="([^"]+)"')
    if cookie and csrf and token then
        out:write(cookie, " ", csrf, " ", token, "\n")
        opened = opened + 1
    else
        failed = failed + 1
    end
end

function done(summary, latency, requests)
    local opened_total, failed_total = 0, 0
    for _, thread in ipairs(threads) do
        opened_total = opened_total + thread:get("opened")
        failed_total = failed_total + thread:get("failed")
    end
    io.write(string.format("forms_opened=%d failed=%d p50_ms=%.2f p99_ms=%.2f duration_s=%.3f\n", opened_total,
        failed_total, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
