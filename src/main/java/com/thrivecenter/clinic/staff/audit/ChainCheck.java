package com.thrivecenter.clinic.staff.audit;

import java.util.List;

/** The outcome of walking the audit chain; {@code lastHash} is the newest link, worth noting down elsewhere. */
public record ChainCheck(long rowsChecked, List<ChainProblem> problems, String lastHash) {

    public ChainCheck {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
