package com.thrivecenter.clinic.staff.factor;

import org.springframework.stereotype.Component;

/** For the staff bar on every staff page ({@code @secondFactor.off()}): a warning while the second factor is off. */
@Component("secondFactor")
public class SecondFactorStatus {

    private final SecondFactorProperties properties;

    public SecondFactorStatus(SecondFactorProperties properties) {
        this.properties = properties;
    }

    public boolean off() {
        return !properties.required();
    }
}
