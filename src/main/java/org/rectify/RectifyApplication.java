package org.rectify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.web.config.EnableSpringDataWebSupport;

import static org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableSpringDataWebSupport(pageSerializationMode = VIA_DTO)
public class RectifyApplication {

    /** Runs the application, or, with {@code verify-audit} first, only verifies the audit chain and exits. */
    public static void main(String[] args) {
        if (args.length > 0 && VerifyAuditCommand.NAME.equals(args[0])) {
            System.exit(VerifyAuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(RectifyApplication.class, args);
    }
}
