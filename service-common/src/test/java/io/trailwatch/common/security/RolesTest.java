package io.trailwatch.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void rolesNestFromAdminDownToViewer() {
        assertThat(Roles.expand("admin")).contains("admin", "analyst", "viewer", "ingest");
        assertThat(Roles.expand("analyst")).containsExactlyInAnyOrder("analyst", "viewer");
        assertThat(Roles.expand("viewer")).containsExactly("viewer");
        assertThat(Roles.expand("ingest")).containsExactly("ingest");
    }

    @Test
    void unknownRoleIsRefusedByName() {
        assertThatThrownBy(() -> Roles.expand("root")).hasMessageContaining("'root'");
    }
}
