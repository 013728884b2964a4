package com.thrivecenter.clinic.staff.images;

/**
 * A picture in the content folder's images folder.
 *
 * @param name  its path below {@code images/}, with "/" between folders ("team/front-desk.jpg")
 * @param bytes its size
 */
record StoredImage(String name, long bytes) {

    String url() {
        return "/images/" + name;
    }
}
