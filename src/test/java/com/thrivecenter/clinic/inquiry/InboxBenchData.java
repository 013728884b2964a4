package com.thrivecenter.clinic.inquiry;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a scratch database with inquiries for bench/inbox.sh, stored exactly as the site stores them: the site's own
 * migrations, then {@link InquiryRepository#insert} with a {@link PatientCipher} on the bench's keysets (sealed
 * values, blind indexes), a thousand rows per transaction. Patients are made up from a seeded random source; about
 * one in five writes more than once, with the same email, phone and name. Each gets the status staff would have
 * left it in by now ({@link InquiryRepository#updateStatus}): recent inquiries are mostly new, older ones contacted,
 * scheduled or closed.
 *
 * <p>Arguments: JDBC URL, user, password, data keyset file, index keyset file, how many inquiries, and a file to
 * write one stored inquiry's reference, email, phone and name to (the bench's search terms).
 */
public final class InboxBenchData {

    private static final int PER_TRANSACTION = 1000;
    private static final Duration SPREAD = Duration.ofDays(360);
    private static final List<String> FIRST_NAMES = List.of(
            "Ana", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonah", "Kemi", "Liam", "Maya",
            "Noor", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe",
            "Aiden", "Bea", "Caleb", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena");
    private static final List<String> LAST_NAMES = List.of(
            "Abbott",
            "Bauer",
            "Castillo",
            "Dubois",
            "Eriksen",
            "Fischer",
            "Garcia",
            "Haddad",
            "Ito",
            "Jensen",
            "Kowalski",
            "Lopez",
            "Mensah",
            "Nguyen",
            "Okafor",
            "Patel",
            "Quintero",
            "Rossi",
            "Schmidt",
            "Tanaka",
            "Usman",
            "Varga",
            "Weber",
            "Xu",
            "Yilmaz",
            "Zielinski",
            "Anders",
            "Brooks",
            "Chen",
            "Diaz",
            "Evans",
            "Flores",
            "Gupta",
            "Hughes",
            "Ivanova",
            "Johnson",
            "Kim",
            "Larsen",
            "Murphy",
            "Novak",
            "Olsen",
            "Park");
    private static final List<String> SENTENCES = List.of(
            "I have had migraines for about ten years and the usual medicines no longer help.",
            "My neurologist suggested I ask whether ketamine infusions could be right for me.",
            "Could you tell me what a first consultation involves and how long it takes?",
            "I would like to know whether my insurance covers any part of the treatment.",
            "The pain in my left foot started after a fracture two years ago.",
            "I am not sure which reason fits, so I picked the closest one.",
            "Please call me after three in the afternoon if you can.",
            "My doctor can send my records if you tell me where to send them.");

    private final Random random = new Random(15);
    private final Set<String> references = new HashSet<>();
    private final ReferenceGenerator referenceGenerator = new ReferenceGenerator();

    private record Patient(String name, String email, String phone) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            throw new IllegalArgumentException(
                    "usage: InboxBenchData JDBC_URL USER PASSWORD DATA_KEYSET INDEX_KEYSET COUNT TERMS_FILE");
        }
        PatientKeys.registerKeyTypes();
        PatientCipher cipher = new PatientCipher(
                keyset("data", args[3], PatientKeys.DATA_PARAMETERS),
                keyset("index", args[4], PatientKeys.INDEX_PARAMETERS));
        SingleConnectionDataSource database = new SingleConnectionDataSource(args[0], args[1], args[2], true);
        try {
            Flyway.configure().dataSource(database).load().migrate();
            new InboxBenchData().fill(database, cipher, Integer.parseInt(args[5]), Path.of(args[6]));
        } finally {
            database.destroy();
        }
    }

    private static KeysetHandle keyset(String name, String file, Parameters parameters) {
        return new KeysetSource(name, file, Path.of(file), false, parameters).read();
    }

    private void fill(SingleConnectionDataSource database, PatientCipher cipher, int count, Path terms)
            throws IOException {
        JdbcClient jdbc = JdbcClient.create(database);
        InquiryRepository inquiries = new InquiryRepository(jdbc, cipher);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Patient> patients = new ArrayList<>();
        String sample = null;
        int stored = 0;
        while (stored < count) {
            int batch = Math.min(PER_TRANSACTION, count - stored);
            List<String> written = transaction.execute(unused -> {
                List<String> batchReferences = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    Patient patient = patient(patients);
                    Instant receivedAt = now.minusSeconds((long) (random.nextDouble() * SPREAD.toSeconds()));
                    String reference = newReference();
                    inquiries.insert(inquiry(patient, receivedAt), reference);
                    InquiryStatus status = status(receivedAt, now);
                    if (status != InquiryStatus.NEW) {
                        inquiries.updateStatus(reference, status);
                    }
                    batchReferences.add(reference);
                }
                return batchReferences;
            });
            stored += batch;
            if (sample == null) {
                sample = written.get(written.size() / 2);
            }
            if (stored % 10_000 == 0 || stored == count) {
                System.out.printf("%d inquiries stored%n", stored);
            }
        }
        writeTerms(jdbc, cipher, sample, terms);
    }

    /** A new patient four times in five, else one who wrote before. */
    private Patient patient(List<Patient> patients) {
        if (!patients.isEmpty() && random.nextInt(5) == 0) {
            return patients.get(random.nextInt(patients.size()));
        }
        String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        Patient patient = new Patient(
                first + " " + last,
                "%s.%s%d@example.org".formatted(first, last, patients.size()).toLowerCase(),
                "(555) %03d-%04d".formatted(random.nextInt(1000), random.nextInt(10000)));
        patients.add(patient);
        return patient;
    }

    private NewInquiry inquiry(Patient patient, Instant receivedAt) {
        StringBuilder message = new StringBuilder();
        for (int sentences = 1 + random.nextInt(5); sentences > 0; sentences--) {
            message.append(SENTENCES.get(random.nextInt(SENTENCES.size()))).append(' ');
        }
        List<PreferredTime> times = random.nextBoolean()
                ? List.of()
                : List.of(new PreferredTime(
                        DayOfWeek.of(1 + random.nextInt(5)),
                        PreferredTime.DayPart.values()[random.nextInt(PreferredTime.DayPart.values().length)]));
        return new NewInquiry(
                UUID.randomUUID().toString(),
                receivedAt,
                patient.name(),
                patient.email(),
                patient.phone(),
                ContactMethod.values()[random.nextInt(ContactMethod.values().length)],
                Reason.values()[random.nextInt(Reason.values().length)],
                message.toString().strip(),
                times,
                random.nextInt(3) == 0 ? Optional.empty() : Optional.of(random.nextBoolean()),
                "bench-client-" + random.nextInt(50_000));
    }

    /** Random references, as the site makes them; one already used is drawn again, as the site's retry would. */
    private String newReference() {
        String reference = referenceGenerator.next();
        while (!references.add(reference)) {
            reference = referenceGenerator.next();
        }
        return reference;
    }

    /** The last week's inquiries stay mostly new; older ones have moved along, a few marked as spam. */
    private InquiryStatus status(Instant receivedAt, Instant now) {
        int dice = random.nextInt(100);
        if (receivedAt.isAfter(now.minus(Duration.ofDays(7))) && dice < 70) {
            return InquiryStatus.NEW;
        }
        if (dice < 2) {
            return InquiryStatus.SPAM;
        }
        if (receivedAt.isAfter(now.minus(Duration.ofDays(30)))) {
            return dice < 50 ? InquiryStatus.CONTACTED : InquiryStatus.SCHEDULED;
        }
        return dice < 10 ? InquiryStatus.CONTACTED : InquiryStatus.CLOSED;
    }

    private static void writeTerms(JdbcClient jdbc, PatientCipher cipher, String reference, Path terms)
            throws IOException {
        InquiryDetails inquiry = new InquiryRepository(jdbc, cipher)
                .findDetails(reference)
                .orElseThrow(() -> new IllegalStateException("The sample inquiry was not stored"));
        Files.writeString(
                terms,
                "reference=%s%nemail=%s%nphone=%s%nname=%s%n"
                        .formatted(inquiry.reference(), inquiry.email(), inquiry.phone(), inquiry.name()));
    }
}
