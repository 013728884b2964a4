package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.MenuItem;
import java.util.List;
import org.springframework.stereotype.Component;

/** The main menu as it stands now: it follows the pages' front matter as staff edit it. */
@Component
public class Navigation {

    private final ContentRepository content;

    public Navigation(ContentRepository content) {
        this.content = content;
    }

    public List<MenuItem> items() {
        return content.menu();
    }
}
