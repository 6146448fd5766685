package org.unionhub.identity.demo;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.unionhub.common.Texts;
import org.unionhub.identity.PartnerStep;
import org.unionhub.identity.Role;
import org.unionhub.identity.persistence.PartnerTokenRepository;
import org.unionhub.identity.persistence.StaffAccountRepository;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;

/**
 * Demo accounts, all with the password {@code Demo@2023}, and a demo bearer token for the bank, created once when
 * {@code unionhub.demo.enabled} is true. Runs after the demo tree.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "unionhub.demo.enabled", havingValue = "true")
class IdentityDemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2023";
    static final String BANK_TOKEN = "uh_demo_bank_token_2023";

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);

    private final StaffAccountRepository accounts;
    private final PartnerTokenRepository tokens;
    private final OrgTree tree;
    private final PasswordEncoder passwords;

    IdentityDemoData(StaffAccountRepository accounts, PartnerTokenRepository tokens, OrgTree tree,
            PasswordEncoder passwords) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tree = tree;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.usernameTaken("admin")) {
            return;
        }
        String hash = passwords.encode(PASSWORD);
        OrgUnit city = node("110000");
        add("admin", "市总系统管理员", hash, city, Role.FEDERATION_ADMIN);
        add("haidian", "海淀区总工会 李明", hash, node("110108"), Role.DISTRICT_ADMIN);
        add("zhongguancun", "中关村街道工会 王芳", hash, node("110108011"), Role.STREET_STAFF);
        add("dongcheng", "东城区总工会 赵强", hash, node("110101"), Role.DISTRICT_ADMIN);
        add("centre", "保障中心 陈静", hash, city, Role.CENTRE_OFFICER);
        add("leader", "市总领导", hash, city, Role.LEADER);
        long bank = add("bank", "北京银行 工会卡业务", hash, city, Role.BANK);
        add("guarantor", "首创担保 业务部", hash, city, Role.GUARANTOR);
        tokens.insert(bank, demoTokenHash(), "演示令牌", EnumSet.of(PartnerStep.CARD_ISSUING, PartnerStep.SUBSIDY_CLAIM),
                "demo");
        log.info("Demo accounts created (password {})", PASSWORD);
    }

    private long add(String username, String name, String hash, OrgUnit node, Role role) {
        return accounts.insert(username, name, hash, node.id(), node.path(), role);
    }

    private OrgUnit node(String divisionCode) {
        return tree.findByDivisionCode(divisionCode)
                .orElseThrow(() -> new IllegalStateException("Demo tree lacks " + divisionCode));
    }

    private static String demoTokenHash() {
        return Texts.sha256Hex(BANK_TOKEN);
    }
}
