package io.openta.access.arrivals;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One completed upload (table {@code access.file_arrival}, migration V23). */
@Entity
@Table(schema = "access", name = "file_arrival")
public class FileArrival extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "biz_date", nullable = false, length = 8)
    public String bizDate;

    @Column(nullable = false, length = 9)
    public String sender;

    @Column(name = "user_name", nullable = false)
    public String userName;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "file_type", nullable = false, length = 2)
    public String fileType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "arrived_at", nullable = false)
    public OffsetDateTime arrivedAt;
}
